/**
 * The framework's leakage contracts (its test-jar, {@code dev.foresight.contract}) applied to the
 * built-in feature sets, models and regime detectors: truncation invariance at many bars of every
 * fold, future perturbation, determinism. Kept in one place so that each plugin is checked the same
 * way; plugins with contract tests of their own say so in {@code AllPluginsContractTest}.
 */
package dev.foresight.strategies.contract;
