/**
 * Plugin discovery and configuration: {@link dev.foresight.plugin.PluginProvider} (one per kind,
 * found by {@link java.util.ServiceLoader}), typed and located {@link dev.foresight.plugin.Parameters},
 * and the {@link dev.foresight.plugin.PluginRegistry} that the command line builds once.
 */
package dev.foresight.plugin;
