# Times fGarch::garchFit (GARCH(1,1), normal, with mean: its defaults) and, if installed,
# tseries::garch (GARCH(1,1), no mean) on the returns written by GarchBench.java.
# Usage: Rscript fgarch_bench.R OUT/returns.csv [reps]
suppressMessages(library(fGarch))
args <- commandArgs(trailingOnly = TRUE)
r <- read.csv(args[1])$r
reps <- if (length(args) > 1) as.integer(args[2]) else 30
# wall and CPU (user + system of this process) time per call
time_ms <- function(f) { t0 <- proc.time(); x <- f(); d <- proc.time() - t0
  list(ms = d[["elapsed"]] * 1000, cpu = (d[["user.self"]] + d[["sys.self"]]) * 1000, x = x) }
fit <- garchFit(~garch(1, 1), data = r, trace = FALSE)  # warm-up
ms <- numeric(reps); cpu <- numeric(reps)
for (i in seq_len(reps)) { t <- time_ms(function() garchFit(~garch(1, 1), data = r, trace = FALSE)); ms[i] <- t$ms; cpu[i] <- t$cpu; fit <- t$x }
cat(sprintf("fgarch_median_ms\t%.4f\n", median(ms)))
cat(sprintf("fgarch_median_cpu_ms\t%.4f\n", median(cpu)))
cf <- coef(fit)
cat(sprintf("fgarch_mu\t%.10g\nfgarch_omega\t%.10g\nfgarch_alpha\t%.10g\nfgarch_beta\t%.10g\n", cf[["mu"]], cf[["omega"]], cf[["alpha1"]], cf[["beta1"]]))
cat(sprintf("fgarch_loglik\t%.10g\n", -fit@fit$llh))
if (requireNamespace("tseries", quietly = TRUE)) {
  g <- tseries::garch(r, order = c(1, 1), trace = FALSE)
  # tseries is fast enough that one call is below the clock's 1 ms resolution: time 20 calls at once
  ms <- numeric(reps); cpu <- numeric(reps)
  for (i in seq_len(reps)) { t <- time_ms(function() for (j in 1:20) tseries::garch(r, order = c(1, 1), trace = FALSE)); ms[i] <- t$ms / 20; cpu[i] <- t$cpu / 20 }
  cat(sprintf("tseries_median_ms\t%.4f\n", median(ms)))
  cat(sprintf("tseries_median_cpu_ms\t%.4f\n", median(cpu)))
}
