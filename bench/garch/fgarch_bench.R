# Times fGarch::garchFit (GARCH(1,1), normal, with mean: its defaults) and, if installed,
# tseries::garch (GARCH(1,1), no mean) on the returns written by GarchBench.java.
# Usage: Rscript fgarch_bench.R OUT/returns.csv [reps]
suppressMessages(library(fGarch))
args <- commandArgs(trailingOnly = TRUE)
r <- read.csv(args[1])$r
reps <- if (length(args) > 1) as.integer(args[2]) else 30
time_ms <- function(f) { t0 <- proc.time()[["elapsed"]]; x <- f(); list(ms = (proc.time()[["elapsed"]] - t0) * 1000, x = x) }
fit <- garchFit(~garch(1, 1), data = r, trace = FALSE)  # warm-up
ms <- numeric(reps)
for (i in seq_len(reps)) { t <- time_ms(function() garchFit(~garch(1, 1), data = r, trace = FALSE)); ms[i] <- t$ms; fit <- t$x }
cat(sprintf("fgarch_median_ms\t%.4f\n", median(ms)))
cf <- coef(fit)
cat(sprintf("fgarch_mu\t%.10g\nfgarch_omega\t%.10g\nfgarch_alpha\t%.10g\nfgarch_beta\t%.10g\n", cf[["mu"]], cf[["omega"]], cf[["alpha1"]], cf[["beta1"]]))
cat(sprintf("fgarch_loglik\t%.10g\n", -fit@fit$llh))
if (requireNamespace("tseries", quietly = TRUE)) {
  g <- tseries::garch(r, order = c(1, 1), trace = FALSE)
  ms <- numeric(reps)
  for (i in seq_len(reps)) { t <- time_ms(function() tseries::garch(r, order = c(1, 1), trace = FALSE)); ms[i] <- t$ms }
  cat(sprintf("tseries_median_ms\t%.4f\n", median(ms)))
}
