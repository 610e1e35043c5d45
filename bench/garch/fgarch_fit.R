# Fits GARCH(1,1) and GJR-GARCH(1,1) (as fGarch's APARCH with delta = 2 fixed) with normal and
# standardised-t innovations to the log returns of each CSV file given, and prints one line per
# (file, model, dist, quantity): tab-separated, for compare.sh to join with Foresight's estimates.
# Usage: Rscript fgarch_fit.R FILE.csv [FILE.csv ...]
suppressMessages(library(fGarch))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) == 0) stop("usage: Rscript fgarch_fit.R FILE.csv [FILE.csv ...]")
for (file in args) {
  d <- read.csv(file, check.names = FALSE, stringsAsFactors = FALSE)
  # Header names compared as Foresight's loader compares them: lower case, letters and digits only.
  key <- gsub("[^a-z0-9]", "", tolower(names(d)))
  price <- if ("adjclose" %in% key) d[[which(key == "adjclose")]] else d[[which(key == "close")]]
  price <- as.numeric(gsub(",", "", price))
  # Same order as Foresight's loader: by date (files may be newest-first).
  price <- price[order(as.Date(d[[1]]))]
  r <- diff(log(price))
  emit <- function(model, dist, name, value) cat(basename(file), model, dist, name, sprintf("%.10g", value), sep = "\t", fill = FALSE, "\n")
  for (dist in c("norm", "std")) {
    ourDist <- if (dist == "norm") "normal" else "t"
    f <- garchFit(~garch(1, 1), data = r, cond.dist = dist, include.mean = TRUE, trace = FALSE)
    cf <- coef(f)
    for (n in names(cf)) {
      ours <- switch(n, mu = "mu", omega = "omega", alpha1 = "alpha", beta1 = "beta", shape = "nu")
      emit("garch", ourDist, ours, cf[[n]])
    }
    emit("garch", ourDist, "loglik", -f@fit$llh)
    g <- garchFit(~aparch(1, 1), data = r, cond.dist = dist, include.mean = TRUE, include.delta = FALSE,
                  delta = 2, trace = FALSE)
    cg <- coef(g)
    # (|e| - g e)^2 = (1 - g)^2 e^2 for e > 0 and (1 + g)^2 e^2 for e < 0, so GJR's
    # alpha = alpha1 (1 - gamma1)^2 and gamma = 4 alpha1 gamma1.
    emit("gjr", ourDist, "mu", cg[["mu"]])
    emit("gjr", ourDist, "omega", cg[["omega"]])
    emit("gjr", ourDist, "alpha", cg[["alpha1"]] * (1 - cg[["gamma1"]])^2)
    emit("gjr", ourDist, "gamma", 4 * cg[["alpha1"]] * cg[["gamma1"]])
    emit("gjr", ourDist, "beta", cg[["beta1"]])
    if (dist == "std") emit("gjr", ourDist, "nu", cg[["shape"]])
    emit("gjr", ourDist, "loglik", -g@fit$llh)
  }
}
