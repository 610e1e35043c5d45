# The R side of bench/garch/run.sh: times one R fitter on the returns that GarchBench wrote, with
# the same policy as the Java side: WARMUP untimed fits, then REPS timed ones; prints the wall and
# whole-process CPU (user + system of this R process, proc.time) per fit, totals over REPS / REPS.
#   fgarch: fGarch::garchFit(~garch(1, 1)), normal, constant mean (its defaults)
#   tseries: tseries::garch(order = c(1, 1)), normal, no mean
# Usage: Rscript fgarch_bench.R RETURNS.csv WARMUP REPS fgarch|tseries
args <- commandArgs(trailingOnly = TRUE)
r <- read.csv(args[1])$r
warmup <- as.integer(args[2]); reps <- as.integer(args[3]); which <- args[4]
if (which == "fgarch") {
  suppressMessages(library(fGarch))
  fit1 <- function() garchFit(~garch(1, 1), data = r, trace = FALSE)
} else {
  suppressMessages(library(tseries))
  fit1 <- function() tseries::garch(r, order = c(1, 1), trace = FALSE)
}
for (i in seq_len(warmup)) fit <- fit1()
t0 <- proc.time()
for (i in seq_len(reps)) fit <- fit1()
d <- proc.time() - t0
cat(sprintf("ms\t%.4f\n", d[["elapsed"]] * 1000 / reps))
cat(sprintf("cpu_ms\t%.4f\n", (d[["user.self"]] + d[["sys.self"]]) * 1000 / reps))
if (which == "fgarch") {
  cf <- coef(fit)
  cat(sprintf("mu\t%.10g\nomega\t%.10g\nalpha\t%.10g\nbeta\t%.10g\n", cf[["mu"]], cf[["omega"]], cf[["alpha1"]], cf[["beta1"]]))
  cat(sprintf("loglik\t%.10g\n", -fit@fit$llh))
} else {
  cf <- coef(fit)
  cat(sprintf("omega\t%.10g\nalpha\t%.10g\nbeta\t%.10g\n", cf[["a0"]], cf[["a1"]], cf[["b1"]]))
  # tseries reports no log-likelihood of its own; this is its Gaussian one from its fitted variances
  # (its recursion starts from the sample variance of r)
  h <- fit$fitted.values[, 1]^2
  ok <- !is.na(h)
  cat(sprintf("loglik_first_omitted\t%.10g\n", sum(-0.5 * (log(2 * pi) + log(h[ok]) + r[ok]^2 / h[ok]))))
}
