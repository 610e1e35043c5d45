/**
 * Classic baseline models that every experiment compares against: random walk ("no change"),
 * historical mean, AR(p) by least squares on the target's own known past, and buy-and-hold.
 *
 * <p>They implement {@link dev.foresight.model.Model} and read labels only through
 * {@link dev.foresight.model.ModelData}: a forecast at bar {@code t} uses labels known at the
 * close of {@code t} ({@code labelKnownAt(s, t)} with {@code s + horizon ≤ t}). They ignore the
 * feature columns, so they work with any feature set, and none of them is random (the seed is
 * unused). The models do not see which target they forecast; where that matters (random walk,
 * probability of up) they read it from the training labels: labels that are all 0 or 1 are a
 * direction target. Each model has a public {@link dev.foresight.plugin.PluginProvider} so the
 * YAML can name it by kind.
 */
package dev.foresight.strategies.baseline;
