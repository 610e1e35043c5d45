/**
 * Tests of the strategies module as a whole: every built-in plugin is registered for
 * {@link java.util.ServiceLoader} under its kind ({@code PluginRegistrationTest}), and the small
 * market fixtures ({@code Markets}) the per-plugin packages share.
 */
package dev.foresight.strategies;
