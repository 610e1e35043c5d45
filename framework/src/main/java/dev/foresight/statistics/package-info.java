/**
 * Tests of significance for out-of-sample results: is a difference between two models real?
 *
 * <ul>
 *   <li>{@link dev.foresight.statistics.DieboldMariano}: equal forecast accuracy of a model and a
 *       baseline (squared — Brier for probabilities —, absolute, or log loss), with the Harvey–Leybourne–Newbold small-sample
 *       correction and Student-t(n−1) p-values;</li>
 *   <li>{@link dev.foresight.statistics.PesaranTimmermann}: direction accuracy against what
 *       forecasts independent of the outcome would get;</li>
 *   <li>{@link dev.foresight.statistics.ProbabilisticSharpe} and
 *       {@link dev.foresight.statistics.DeflatedSharpe}: the probability that the true Sharpe ratio
 *       exceeds a benchmark, given skewness, raw kurtosis, track length and the number of trials;</li>
 *   <li>{@link dev.foresight.statistics.StationaryBootstrap}: seeded Politis–Romano resampling for
 *       confidence intervals of statistics of dependent series (Sharpe, hit rate, Sharpe difference).</li>
 *   <li>{@link dev.foresight.statistics.ModelConfidenceSet} (Hansen, Lunde &amp; Nason 2011: T_R and
 *       T_max, MCS p-values), {@link dev.foresight.statistics.SuperiorPredictiveAbility} (Hansen 2005:
 *       consistent, lower and upper p-values against a benchmark) and
 *       {@link dev.foresight.statistics.BacktestOverfitting} (PBO by CSCV, Bailey, Borwein, López de
 *       Prado &amp; Zhu 2017): the multiple-comparison controls — how sure a "best" model is, given how
 *       many were tried;</li>
 *   <li>{@link dev.foresight.statistics.ForecastLoss}: per-bar losses (squared/Brier, QLIKE, log loss)
 *       that these tests compare.</li>
 * </ul>
 *
 * <p>Inputs are plain arrays (errors, moves, per-period returns) produced by
 * {@link dev.foresight.evaluation}; distributions come from Commons Math. Nothing here knows about
 * models or folds. Every formula is written on the method that computes it and pinned by a test
 * against a published or hand-computed example.
 */
package dev.foresight.statistics;
