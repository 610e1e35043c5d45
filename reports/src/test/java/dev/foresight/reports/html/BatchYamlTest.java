package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration the report shows is a batch file: written to a file it satisfies the
 * published batch schema (the one {@code foresight validate} and editors check against), and it
 * reads back to the same tree.
 */
class BatchYamlTest {

    /** Tests run in the reports module; the schema is published at the repository root. */
    private static final Path PUBLISHED = Path.of("..", "schema", "foresight-batch.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(Files.readString(PUBLISHED), InputFormat.JSON);
    }

    private static List<Error> errors(String yaml) throws IOException {
        return schema().validate(JSON.writeValueAsString(YAML.readTree(yaml)), InputFormat.JSON);
    }

    /**
     * {@code quickstart.resolved.json} is the {@code config.resolved.json} the application wrote for
     * experiments/quickstart.yaml (with max_folds 1 and 2 LSTM epochs: the keys are the same): every
     * kind of model, feature, regime detector, strategy and target the quickstart uses.
     */
    @Test
    void quickstartResolvedConfig_isABatchTheSchemaAccepts() throws IOException {
        ResolvedBatch batch;
        try (InputStream in = BatchYamlTest.class.getResourceAsStream("quickstart.resolved.json")) {
            batch = JSON.readValue(in, ResolvedBatch.class);
        }
        String yaml = BatchYaml.render(batch);

        assertEquals(List.of(), errors(yaml), yaml);
        assertFalse(yaml.contains("walkForward") || yaml.contains("costBps") || yaml.contains("periodsPerYear")
                || yaml.contains("primary:") || yaml.contains("parameters:"), yaml);
        Map<?, ?> tree = YAML.readValue(yaml, Map.class);
        Map<?, ?> first = (Map<?, ?>) ((List<?>) tree.get("experiments")).get(0);
        assertEquals(Map.of("kind", "regime-garch", "bars", 2520, "seed", 7),
                ((Map<?, ?>) ((Map<?, ?>) first.get("data")).get("synthetic")).entrySet().stream()
                        .filter(e -> List.of("kind", "bars", "seed").contains(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(Map.of("bps", 5.0, "slippage_bps", 0.0), first.get("costs"));
    }

    /** The shapes the quickstart does not have: a CSV source with an input series, a date range, a fractional split, a numeric perturb_folds. */
    @Test
    void csvSourceInputsAndFractionalSplit_areWrittenInTheFilesShape() throws IOException {
        Map<String, Object> primary = csv("SPY", "data/spy.csv");
        Map<String, Object> vix = csv("VIX", "data/vix.csv");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("primary", primary);
        data.put("inputs", List.of(vix));
        data.put("start", "2010-01-04");
        data.put("end", null);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("train", 0.7);
        plan.put("validation", 0.1);
        plan.put("embargo", 2);
        ResolvedBatch batch = new ResolvedBatch("csv-batch", "a: colon, # hash, 'quotes' and <b>tags</b>", 7, 365, 0.02,
                List.of(new ResolvedBatch.Experiment("ret", data, Map.of("kind", "log-return", "horizon", 1),
                        List.of(Map.of("kind", "returns", "lags", 3, "symbol", "VIX")), plan,
                        Map.of("kind", "sign", "size", 1.0, "allow_short", false), 5, 2,
                        List.of(Map.of("kind", "volatility", "name", "vol", "window", 21)),
                        List.of(new ResolvedBatch.Model("ar5", "ar", "none", Map.of("p", 5)),
                                new ResolvedBatch.Model("random-walk", "random-walk", "none", Map.of("mode", "auto"))),
                        "random-walk", Map.of("truncation_samples", 260, "perturb_folds", "3", "canary", true))));
        String yaml = BatchYaml.render(batch);

        assertEquals(List.of(), errors(yaml), yaml);
        Map<?, ?> tree = YAML.readValue(yaml, Map.class);
        assertEquals("a: colon, # hash, 'quotes' and <b>tags</b>", tree.get("description"));
        assertEquals(Map.of("periods_per_year", 365, "risk_free_rate", 0.02), tree.get("annualisation"));
        Map<?, ?> experiment = (Map<?, ?>) ((List<?>) tree.get("experiments")).get(0);
        Map<?, ?> written = (Map<?, ?>) experiment.get("data");
        assertEquals("data/spy.csv", written.get("path"));
        assertEquals("2010-01-04", written.get("start"));
        assertFalse(written.containsKey("end"), "an unset end is left out, not written as null");
        assertEquals(List.of(Map.of("symbol", "VIX", "path", "data/vix.csv", "columns", Map.of("date", "Date", "close", "2024"),
                "missing", "drop")), written.get("inputs"));
        assertEquals(3, ((Map<?, ?>) experiment.get("leakage")).get("perturb_folds"));
        assertEquals(Map.of("kind", "ar", "name", "ar5", "scaling", "none", "p", 5), ((List<?>) experiment.get("models")).get(0));
    }

    /** What the schema would reject if the report kept the record's names: the test above is not vacuous. */
    @Test
    void recordNamesAsWrittenInConfigResolvedJson_areRejectedBySchema() throws IOException {
        String camel = "name: b\nperiodsPerYear: 252\nexperiments:\n- name: e\n  walkForward: {train: 100, test: 10}\n"
                + "  models: [{kind: ar}]\n";
        assertFalse(errors(camel).isEmpty());
    }

    /** The section escapes the YAML in HTML (the hand-written run's description holds a script tag). */
    @Test
    void configSection_escapesAndUsesBatchKeys(@TempDir Path root) {
        ResultDirectory dir = HandWrittenRun.write(root, "exp", false);
        String html = new ConfigSection().render(ReportInput.of(dir, dev.foresight.reports.summary.Scorecard.compute(dir)), null);
        assertTrue(html.contains("walk_forward:"), html);
        assertTrue(html.contains("slippage_bps:"), html);
        assertFalse(html.contains("walkForward") || html.contains("<script"), html);
    }

    private static Map<String, Object> csv(String symbol, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", symbol);
        out.put("path", path);
        out.put("columns", new TreeMap<>(Map.of("date", "Date", "close", "2024")));
        out.put("date_format", null);
        out.put("missing", "drop");
        return out;
    }
}
