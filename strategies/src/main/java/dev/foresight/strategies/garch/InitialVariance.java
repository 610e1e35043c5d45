package dev.foresight.strategies.garch;

import java.util.List;

/**
 * How the recursion is started: the value {@code V} taken for the variance and for the squared
 * residual before the first return. Both rules are evaluated at the current parameters inside the
 * likelihood (so they move with the mean parameters during the fit).
 * <ul>
 * <li>{@link #SAMPLE_VARIANCE}: {@code V = (1/n) Σ e(t)²}, the mean of the squared residuals of the
 *     whole series — fGarch's rule ({@code garchFit}, its default {@code init.rec = "mci"}), which
 *     we follow so that estimates can be compared with it. With a constant mean at the sample
 *     mean this is the sample variance with divisor n.</li>
 * <li>{@link #BACKCAST}: {@code V = Σ w(j) e(j)² / Σ w(j)} over the first {@code min(75, n)}
 *     residuals with {@code w(j) = 0.94^j} (the rule of Python's {@code arch} package): closer to
 *     the local variance at the start of the sample.</li>
 * </ul>
 * The first variance is then {@code σ²(0) = ω + (α + γ/2 + β) V} for GARCH/GJR (the presample
 * squared residual's sign is unknown, so GJR's γ enters at its expected half), and
 * {@code ln σ²(0) = ω + β ln V} for EGARCH (the presample shock at its mean, zero).
 *
 * <p>{@link #FGARCH} is {@link #SAMPLE_VARIANCE} with fGarch's start-up quirk for GJR, kept only
 * to reproduce fGarch's numbers: fGarch fits GJR as an APARCH with δ = 2, whose Fortran
 * likelihood ({@code llhGarch.f}) starts with {@code σ²(0) = ω + (α_ap + β) V}, leaving out the
 * leverage term's expectation. In GJR terms α_ap = ((√(α + γ) + √α) / 2)². For GARCH and EGARCH it
 * equals {@link #SAMPLE_VARIANCE}. It changes only the first variance, so estimates differ from
 * {@link #SAMPLE_VARIANCE}'s by O(1/n) — in the 3rd–4th significant digit on 5,000 daily returns.
 */
public enum InitialVariance {
    SAMPLE_VARIANCE, BACKCAST, FGARCH;

    public static final List<String> CHOICES = List.of("sample-variance", "backcast", "fgarch");

    public String yamlName() {
        return switch (this) {
            case SAMPLE_VARIANCE -> "sample-variance";
            case BACKCAST -> "backcast";
            case FGARCH -> "fgarch";
        };
    }

    public static InitialVariance of(String yamlName) {
        return switch (yamlName) {
            case "sample-variance" -> SAMPLE_VARIANCE;
            case "backcast" -> BACKCAST;
            case "fgarch" -> FGARCH;
            default -> throw new IllegalArgumentException("initial variance: sample-variance or backcast, got " + yamlName);
        };
    }
}
