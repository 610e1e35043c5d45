package dev.foresight.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.foresight.data.Column;
import dev.foresight.data.PriceSeries;
import dev.foresight.data.csv.CsvLayout;
import dev.foresight.data.csv.CsvLoader;
import dev.foresight.data.csv.MissingPolicy;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.strategies.garch.GarchEstimator;
import dev.foresight.strategies.garch.GarchFit;
import dev.foresight.strategies.garch.GarchSpec;
import dev.foresight.strategies.garch.InitialVariance;
import dev.foresight.strategies.garch.Innovations;
import dev.foresight.strategies.garch.MeanModel;
import dev.foresight.strategies.garch.VarianceModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code foresight garch --csv FILE}: fits one GARCH-family model to a whole series and prints
 * the estimates. Prices come through the CSV loader (so a bad file gets its located errors);
 * with {@code --returns as-is} the column is read as returns by {@link ReturnsColumn}.
 */
@Command(name = "garch", mixinStandardHelpOptions = true,
        description = "Fit a GARCH(1,1), GJR-GARCH(1,1) or EGARCH(1,1) to a whole series by maximum likelihood"
                + " and print the estimates table.")
final class GarchCommand implements Callable<Integer> {

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "the CSV file")
    Path csv;

    @Option(names = "--column", paramLabel = "NAME",
            description = "the column to read: a price column (default: Adj Close if present, else Close), or with"
                    + " --returns as-is the returns column (required then)")
    String column;

    @Option(names = "--returns", paramLabel = "log|simple|as-is", defaultValue = "log",
            description = "log: ln(p(t)/p(t-1)) (default); simple: p(t)/p(t-1) - 1; as-is: the column holds returns")
    String returns;

    @Option(names = "--model", paramLabel = "garch|gjr|egarch", defaultValue = "garch", description = "variance equation")
    String model;

    @Option(names = "--dist", paramLabel = "normal|t", defaultValue = "normal",
            description = "innovations: normal, or Student-t with unit variance and estimated degrees of freedom")
    String dist;

    @Option(names = "--mean", paramLabel = "zero|constant|ar1", defaultValue = "constant", description = "conditional mean")
    String mean;

    @Option(names = "--init", paramLabel = "sample-variance|backcast|fgarch", defaultValue = "sample-variance",
            description = "initial variance rule: sample-variance (fGarch's: mean of squared residuals), backcast (arch's:"
                    + " exponentially weighted first 75), or fgarch (sample-variance with fGarch's GJR start-up, to"
                    + " reproduce its numbers); default: ${DEFAULT-VALUE}")
    String init;

    @Option(names = "--json", description = "print JSON instead of the table")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "stack traces on errors")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GarchSpec garch = new GarchSpec(
                VarianceModel.of(choice("--model", model, VarianceModel.CHOICES)),
                MeanModel.of(choice("--mean", mean, MeanModel.CHOICES)),
                Innovations.of(choice("--dist", dist, Innovations.CHOICES)),
                InitialVariance.of(choice("--init", init, InitialVariance.CHOICES)));
        choice("--returns", returns, List.of("log", "simple", "as-is"));
        Series series = load();
        GarchFit fit;
        try {
            fit = GarchEstimator.fit(series.returns, garch);
        } catch (IllegalArgumentException e) {
            throw new UserError(Location.of(csv.toString()), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(series, fit));
        } else {
            table(out, series, fit);
        }
        out.flush();
        return Main.OK;
    }

    private record Series(double[] returns, String description) {
    }

    private Series load() {
        if (returns.equals("as-is")) {
            if (column == null) {
                throw new UserError(Location.of("--column"), "--returns as-is needs --column NAME: the column of returns");
            }
            double[] r = ReturnsColumn.read(csv, column);
            return new Series(r, r.length + " returns (as-is) from column '" + column + "' of " + csv);
        }
        CsvLayout layout = column == null ? CsvLayout.auto()
                : CsvLayout.of(null, Map.of(Column.CLOSE, column), null, MissingPolicy.ERROR);
        PriceSeries prices = CsvLoader.load(csv, "SERIES", layout).series();
        if (prices.size() < 2) {
            throw new UserError(Location.of(csv.toString()), "one price gives no return; the file needs at least two rows");
        }
        double[] p = prices.prices();
        double[] r = new double[p.length - 1];
        for (int t = 1; t < p.length; t++) {
            r[t - 1] = returns.equals("log") ? Math.log(p[t] / p[t - 1]) : p[t] / p[t - 1] - 1;
        }
        String priceColumn = column != null ? "'" + column + "'" : prices.has(Column.ADJ_CLOSE) ? "adjusted close" : "close";
        return new Series(r, r.length + " " + returns + " returns of the " + priceColumn + " column of " + csv + ", "
                + prices.date(1) + ".." + prices.date(prices.size() - 1));
    }

    private static String choice(String option, String value, List<String> choices) {
        if (!choices.contains(value)) {
            throw new UserError(Location.of(option), "'" + value + "' is not one of " + String.join(", ", choices));
        }
        return value;
    }

    private static void table(PrintWriter out, Series series, GarchFit fit) {
        GarchSpec s = fit.spec();
        out.printf("%s(1,1), %s innovations, mean %s; %s%n", s.variance().yamlName(),
                s.innovations() == Innovations.NORMAL ? "normal" : "Student-t (unit variance)", s.mean().yamlName(),
                series.description);
        out.printf("initial variance: %s, V = %s%n", s.initial().yamlName(), num(fit.initialVariance()));
        out.printf("%n%-8s %14s %12s %12s %9s%n", "param", "estimate", "std.error", "robust s.e.", "t");
        double[] est = fit.estimates();
        double[] se = fit.standardErrors();
        double[] rse = fit.robustStandardErrors();
        double[] t = fit.tStatistics();
        for (int i = 0; i < est.length; i++) {
            out.printf("%-8s %14s %12s %12s %9s%n", fit.names().get(i), num(est[i]), num(se[i]), num(rse[i]),
                    Double.isFinite(t[i]) ? String.format(Locale.ROOT, "%.3f", t[i]) : "-");
        }
        out.printf("%nlog-likelihood  %s%n", String.format(Locale.ROOT, "%.6f", fit.logLikelihood()));
        out.printf("AIC             %s   (per observation %s)%n", String.format(Locale.ROOT, "%.4f", fit.aic()),
                num(fit.aic() / fit.observations()));
        out.printf("BIC             %s   (per observation %s)%n", String.format(Locale.ROOT, "%.4f", fit.bic()),
                num(fit.bic() / fit.observations()));
        out.printf("persistence     %s%n", num(fit.persistence()));
        out.printf("half-life       %s bars%n", num(fit.halfLife()));
        out.printf("uncond. var.    %s   (σ %s per bar)%n", num(fit.unconditionalVariance()),
                num(Math.sqrt(fit.unconditionalVariance())));
        var c = fit.convergence();
        out.printf("converged       %s (%d start%s, %d likelihood evaluations, Newton decrement %s)%s%n",
                c.converged() ? "yes" : "NO", c.startsTried(), c.startsTried() == 1 ? "" : "s", c.evaluations(),
                num(c.decrement()), c.converged() && !c.onBoundary() ? "" : ": " + c.message());
    }

    private static String num(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.6g", x) : "-";
    }

    private static String json(Series series, GarchFit fit) {
        Map<String, Object> m = new LinkedHashMap<>();
        GarchSpec s = fit.spec();
        m.put("model", s.variance().yamlName());
        m.put("distribution", s.innovations().yamlName());
        m.put("mean", s.mean().yamlName());
        m.put("initial_variance_rule", s.initial().yamlName());
        m.put("initial_variance", value(fit.initialVariance()));
        m.put("series", series.description);
        m.put("observations", fit.observations());
        List<Map<String, Object>> params = new ArrayList<>();
        double[] est = fit.estimates();
        for (int i = 0; i < est.length; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", fit.names().get(i));
            p.put("estimate", value(est[i]));
            p.put("standard_error", value(fit.standardErrors()[i]));
            p.put("robust_standard_error", value(fit.robustStandardErrors()[i]));
            p.put("t", value(fit.tStatistics()[i]));
            params.add(p);
        }
        m.put("parameters", params);
        m.put("log_likelihood", value(fit.logLikelihood()));
        m.put("aic", value(fit.aic()));
        m.put("bic", value(fit.bic()));
        m.put("persistence", value(fit.persistence()));
        m.put("half_life", value(fit.halfLife()));
        m.put("unconditional_variance", value(fit.unconditionalVariance()));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("converged", fit.convergence().converged());
        c.put("on_boundary", fit.convergence().onBoundary());
        c.put("starts_tried", fit.convergence().startsTried());
        c.put("evaluations", fit.convergence().evaluations());
        c.put("newton_decrement", value(fit.convergence().decrement()));
        c.put("message", fit.convergence().message());
        m.put("convergence", c);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON has no NaN: absent values are null. */
    private static Object value(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
