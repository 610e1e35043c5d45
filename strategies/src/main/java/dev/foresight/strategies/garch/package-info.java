/**
 * The GARCH family: GARCH(1,1), GJR-GARCH(1,1) and EGARCH(1,1) with zero, constant or AR(1) mean
 * and normal or unit-variance Student-t innovations.
 *
 * <p>The estimation core is plain Java over {@code double[]}: {@code Likelihood} (the exact
 * conditional log-likelihood, allocation-free per call), {@code Transform} (an unconstrained
 * parameterisation enforcing positivity and stationarity), {@link
 * dev.foresight.strategies.garch.GarchEstimator} (Commons Math BOBYQA, then Newton polishing,
 * Hessian and Bollerslev–Wooldridge standard errors) and the value {@link
 * dev.foresight.strategies.garch.GarchFit} (estimates, information criteria, persistence,
 * half-life, the causal filter and forecasts). The initial-variance rules are in {@link
 * dev.foresight.strategies.garch.InitialVariance}.
 *
 * <p>Plugins: {@code kind: garch} as a {@code Model} ({@code GarchModel}, reading one-bar log
 * returns from the {@code returns} feature set's {@code ret_lag1}) and as a {@code FeatureSet}
 * ({@code GarchFeatures}). The {@code foresight garch} command (experiments module) prints a fit.
 * Agreement with R's fGarch is checked by {@code bench/garch/compare.sh}, outside the tests.
 */
package dev.foresight.strategies.garch;
