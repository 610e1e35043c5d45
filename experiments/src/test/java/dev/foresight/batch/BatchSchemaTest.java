package dev.foresight.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.foresight.error.UserError;
import dev.foresight.error.UserErrors;
import dev.foresight.plugin.PluginProvider;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.run.SyntheticData;
import dev.foresight.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schema of batch files: it is what the code generates now, the example
 * batches satisfy it, and it rejects (with a real draft-07 validator) what the parser rejects.
 */
class BatchSchemaTest {

    /** Tests run in the experiments module; the schema is published at the repository root. */
    private static final Path PUBLISHED = Path.of("..").resolve(BatchSchema.PUBLISHED);
    private static final Path EXAMPLES = Path.of(".");
    private static final String REGENERATE = "./foresight schema --out " + BatchSchema.PUBLISHED;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final PluginRegistry APPLICATION = applicationPlugins();
    private static final String GENERATED = BatchSchema.render(APPLICATION, SyntheticData.documented());
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(GENERATED, InputFormat.JSON);

    /**
     * The plugins the application has: the test class path adds test-only ones (listed in this
     * module's src/test/resources), which the published schema must not contain.
     */
    private static PluginRegistry applicationPlugins() {
        Set<String> testOnly;
        try {
            testOnly = Files.readAllLines(Path.of("src/test/resources/META-INF/services",
                    PluginProvider.class.getName())).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the test-only plugins list", e);
        }
        List<PluginProvider<?>> providers = PluginRegistry.discover().all().stream()
                .filter(p -> !testOnly.contains(p.getClass().getName())).toList();
        return PluginRegistry.of(providers);
    }

    /** The validator's errors for a YAML text, read with Jackson's YAML module as an editor would. */
    private static List<Error> errors(String yaml) {
        try {
            return SCHEMA.validate(JSON.writeValueAsString(YAML.readTree(yaml)), InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void parse(String yaml) {
        new BatchParser(PluginRegistry.discover(), Path.of("/b")).parse(YamlReader.parse("s.yaml", yaml),
                Path.of("s.yaml"));
    }

    @Test
    void batchSchema_thePublishedSchemaIsWhatTheCodeGeneratesNow() throws IOException {
        assertTrue(Files.isRegularFile(PUBLISHED), PUBLISHED.toAbsolutePath() + " is missing: generate it with "
                + REGENERATE);
        String published = Files.readString(PUBLISHED, StandardCharsets.UTF_8);
        assertEquals(GENERATED, published, BatchSchema.PUBLISHED + " is out of date with the code: regenerate it "
                + "with `" + REGENERATE + "` (from the repository root) and commit it");
    }

    @Test
    void batchSchema_generationIsByteStable() {
        assertEquals(GENERATED, BatchSchema.render(applicationPlugins(), SyntheticData.documented()));
        assertFalse(GENERATED.contains("\r"), "LF line ends only");
        assertTrue(GENERATED.endsWith("}\n"), "one final newline");
    }

    @Test
    void batchSchema_theSchemaIsAValidDraft07Schema() throws IOException {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        List<Error> errors = meta.validate(GENERATED, InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void batchSchema_everyPluginKindAndSyntheticKindHasItsOwnClosedSubSchema() throws IOException {
        var definitions = JSON.readTree(GENERATED).get("definitions");
        for (PluginProvider<?> p : APPLICATION.all()) {
            String prefix = switch (p.contract().getSimpleName()) {
                case "Target" -> "target";
                case "FeatureSet" -> "feature_set";
                case "Model" -> "model";
                case "Strategy" -> "strategy";
                case "RegimeDetector" -> "regime_detector";
                default -> throw new AssertionError(p.contract());
            };
            var kind = definitions.get(prefix + "." + p.kind());
            assertTrue(kind != null, "no sub-schema for " + prefix + " kind " + p.kind());
            assertFalse(kind.get("additionalProperties").asBoolean(), p.kind());
            p.parameters().forEach(s -> assertTrue(kind.get("properties").has(s.name()), p.kind() + "." + s.name()));
        }
        for (var k : SyntheticData.documented()) {
            assertTrue(definitions.has("synthetic." + k.kind()), k.kind());
        }
    }

    @Test
    void batchSchema_everyExampleBatchValidatesAgainstTheSchema() throws IOException {
        List<Path> batches;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            batches = files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(batches.size() >= 6, "the example batches (experiments/*.yaml) not found from "
                + EXAMPLES.toAbsolutePath() + ": " + batches);
        for (Path batch : batches) {
            List<Error> errors = errors(Files.readString(batch, StandardCharsets.UTF_8));
            assertTrue(errors.isEmpty(), batch + " does not validate against the schema: " + errors);
        }
    }

    private static final String VALID = """
            name: s
            defaults:
              target: log-return
              walk_forward: {train: 0.8, validation: 0.1}
              costs: {bps: 5}
              execution: next-open
            data: {synthetic: {kind: gbm, bars: 500, seed: 1, sigma: 0.3}}
            experiments:
              - name: a
                features: [returns, {kind: rsi, period: 10}]
                strategy: sign
                grid:
                  walk_forward.train: [0.7, 0.8]
                  ar.p: [1, 3]
                models:
                  - {kind: random-walk}
                  - {kind: ar, p: 2, scaling: none}
                  - {kind: lstm, name: small, lstm_units: [8, 4], max_epochs: 2}
              - name: b
                walk_forward: {window: rolling, train: 300, test: 100}
                regimes: [{kind: calendar, name: crises, ranges: {gfc: 2008-09-01..2009-03-31}}]
                leakage: {perturb_folds: auto, canary: true}
                models: [{kind: historical-mean, window: 100}]
            """;

    @Test
    void batchSchema_aBatchWithABareKindAFractionalTrainAGridAndDefaultsPasses() {
        parse(VALID); // the parser accepts it: so must the schema
        List<Error> errors = errors(VALID);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void batchSchema_anUnknownTopLevelKeyFailsValidation() {
        assertRejected(VALID.replace("name: s\n", "name: s\nsed: 42\n"));
    }

    @Test
    void batchSchema_anUnknownModelKindFailsValidation() {
        assertRejected(VALID.replace("{kind: random-walk}", "{kind: random-walkk}"));
    }

    @Test
    void batchSchema_anUnknownParameterOfAKnownKindFailsValidation() {
        assertRejected(VALID.replace("{kind: ar, p: 2, scaling: none}", "{kind: ar, q: 2, scaling: none}"));
    }

    @Test
    void batchSchema_aWrongTypeFailsValidation() {
        assertRejected(VALID.replace("train: 300", "train: abc"));
    }

    static Stream<Arguments> moreMistakes() {
        return Stream.of(
                Arguments.of("an out-of-range parameter", VALID.replace("window: 100}", "window: -1}")),
                Arguments.of("an unknown choice", VALID.replace("scaling: none", "scaling: robust")),
                Arguments.of("an unknown execution", VALID.replace("execution: next-open", "execution: at-open")),
                Arguments.of("an unknown experiment key", VALID.replace("    strategy: sign", "    stratgy: sign")),
                Arguments.of("name or models in defaults", VALID.replace("  costs: {bps: 5}", "  models: [random-walk]")),
                Arguments.of("a regime detector as a bare kind", VALID.replace("regimes: [{kind: calendar, name: crises, "
                        + "ranges: {gfc: 2008-09-01..2009-03-31}}]", "regimes: [markov]")),
                Arguments.of("a fractional train with a test size",
                        VALID.replace("train: 0.8, validation: 0.1", "train: 0.8, test: 100")),
                Arguments.of("CSV keys on synthetic data",
                        VALID.replace("data: {synthetic:", "data: {missing: drop, synthetic:")),
                Arguments.of("both a CSV path and synthetic data",
                        VALID.replace("data: {synthetic:", "data: {path: x.csv, synthetic:")),
                Arguments.of("an unknown synthetic kind", VALID.replace("kind: gbm", "kind: gmb")),
                Arguments.of("an invalid experiment name", VALID.replace("- name: b", "- name: 'b c'")),
                Arguments.of("a grid entry that is not a list", VALID.replace("ar.p: [1, 3]", "ar.p: 1")),
                Arguments.of("an empty experiment list", "name: s\nexperiments: []\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moreMistakes")
    void batchSchema_mistakesThatTheParserRejectsFailValidation(String what, String yaml) {
        assertRejected(yaml);
    }

    /** Both the parser and the schema reject it: they agree, and the schema test can fail. */
    private static void assertRejected(String yaml) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> parse(yaml), "the parser should reject it too");
        assertTrue(e instanceof UserError || e instanceof UserErrors, "a located user error, got " + e);
        assertFalse(errors(yaml).isEmpty(), "the schema accepts:\n" + yaml);
    }
}
