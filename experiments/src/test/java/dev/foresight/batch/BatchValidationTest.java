package dev.foresight.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every batch mistake a researcher is likely to make is a {@link UserError} that points at the
 * file, line, column and YAML path, and whose message states the rule that was broken.
 *
 * <p>Each case edits one line of {@link #VALID}, so the expected line numbers below are the
 * line numbers of that text block.
 */
class BatchValidationTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover();
    private static final String FILE = "batch.yaml";

    private static final String VALID = """
            name: t
            seed: 1
            data:
              synthetic: {kind: gbm, bars: 250, seed: 5}
            experiments:
              - name: ret
                target: {kind: log-return, horizon: 1}
                walk_forward: {train: 120, test: 50}
                models:
                  - {kind: random-walk}
                  - {kind: ar, p: 2}
            """;

    private static BatchSpec parse(String yaml, String... overrides) {
        return new BatchParser(PLUGINS, Path.of("/batches"))
                .parse(Overrides.apply(YamlReader.parse(FILE, yaml), List.of(overrides)), Path.of(FILE));
    }

    /** The first problem reported (a mistake may have consequences reported after it). */
    private static UserError rejected(String yaml, String... overrides) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> parse(yaml, overrides));
        if (e instanceof dev.foresight.error.UserErrors many) {
            return many.errors().get(0);
        }
        if (e instanceof UserError one) {
            return one;
        }
        throw new AssertionError("not a user error", e);
    }

    private static String edit(String from, String to) {
        assertTrue(VALID.contains(from), "test set-up: the valid batch has no '" + from + "'");
        return VALID.replace(from, to);
    }

    private static void assertAt(UserError e, int line, int column, String field) {
        Location where = e.location();
        assertEquals(FILE, where.source(), e.getMessage());
        assertEquals(line, where.line(), "line of: " + e.getMessage());
        assertEquals(column, where.column(), "column of: " + e.getMessage());
        assertEquals(field, where.field(), "field of: " + e.getMessage());
    }

    private static void assertSays(UserError e, String... fragments) {
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "expected '" + f + "' in: " + e.getMessage());
        }
    }

    @Test
    void validBatch_parsesIntoSpecs() {
        BatchSpec batch = parse(VALID);
        assertEquals("t", batch.name());
        assertEquals(1, batch.experiments().size());
        ExperimentSpec e = batch.experiments().get(0);
        assertEquals(List.of("random-walk", "ar"), e.models().stream().map(ModelSpec::label).toList());
        assertEquals(120, e.plan().train());
        assertEquals(50, e.plan().step(), "step defaults to test");
        assertEquals(250, ((SourceSpec.Synthetic) e.data().primary()).bars());
    }

    @Test
    void execution_defaultsToTheCloseAndReadsNextOpen_alsoFromDefaultsAndAGrid() {
        assertEquals(dev.foresight.execution.Execution.CLOSE, parse(VALID).experiments().get(0).execution());
        assertEquals(dev.foresight.execution.Execution.NEXT_OPEN, parse(edit("    target: {kind: log-return, horizon: 1}",
                "    target: {kind: log-return, horizon: 1}\n    execution: next-open")).experiments().get(0).execution());
        assertEquals(dev.foresight.execution.Execution.NEXT_OPEN, parse(edit("experiments:",
                "defaults: {execution: next-open}\nexperiments:")).experiments().get(0).execution());
        BatchSpec grid = parse(edit("    target: {kind: log-return, horizon: 1}",
                "    target: {kind: log-return, horizon: 1}\n    grid: {execution: [close, next-open]}"));
        assertEquals(List.of(dev.foresight.execution.Execution.CLOSE, dev.foresight.execution.Execution.NEXT_OPEN),
                grid.experiments().stream().map(ExperimentSpec::execution).toList());
    }

    @Test
    void unknownExecution_isRejectedAtItsValueNamingTheChoices() {
        UserError e = rejected(edit("    target: {kind: log-return, horizon: 1}",
                "    target: {kind: log-return, horizon: 1}\n    execution: open"));
        assertSays(e, "execution must be one of close, next-open, got 'open'");
        assertEquals(8, e.location().line(), e.getMessage());
    }

    @Test
    void unknownTopLevelKey_isRejectedWithSuggestion() {
        UserError e = rejected(edit("experiments:", "experimnets:"));
        assertSays(e, "unknown key 'experimnets'", "did you mean 'experiments'?", "allowed here:");
        assertEquals(FILE, e.location().source());
        assertEquals("experimnets", e.location().field());
        // The key's own line and column, not those of its block value (line 6).
        assertEquals(5, e.location().line(), "the line of the misspelt key: " + e.getMessage());
        assertEquals(1, e.location().column());
    }

    @Test
    void unknownModelKind_isRejectedWithSuggestion() {
        UserError e = rejected(edit("{kind: ar, p: 2}", "{kind: arr, p: 2}"));
        assertSays(e, "unknown model kind 'arr'", "did you mean 'ar'?", "available:", "random-walk");
        assertAt(e, 11, 16, "experiments[0].models[1]");
    }

    @Test
    void unknownModelParameter_isRejectedNamingWhatTheKindAccepts() {
        UserError e = rejected(edit("{kind: ar, p: 2}", "{kind: ar, pp: 2}"));
        assertSays(e, "unknown parameter 'pp' for kind 'ar'", "did you mean 'p'?", "it accepts: p");
        assertAt(e, 11, 24, "experiments[0].models[1].pp");
    }

    @Test
    void outOfRangeParameter_statesTheRange() {
        UserError e = rejected(edit("{kind: ar, p: 2}", "{kind: ar, p: 0}"));
        assertSays(e, "p must be an integer in [1, 50], got 0");
        assertAt(e, 11, 23, "experiments[0].models[1].p");
    }

    @Test
    void nonIntegerWhereAnIntegerIsRequired_isRejected() {
        UserError e = rejected(edit("train: 120,", "train: 12.5,"));
        assertSays(e, "train must be an integer number of bars (e.g. 750) or a fraction of the series in (0, 1)",
                "got 12.5");
        assertAt(e, 8, 27, "experiments[0].walk_forward.train");
        UserError words = rejected(edit("train: 120,", "train: many,"));
        assertSays(words, "must be an integer, got 'many'");
    }

    @Test
    void missingTrainingWindow_isRejectedAtTheWalkForwardBlock() {
        UserError e = rejected(edit("{train: 120, test: 50}", "{test: 50}"));
        assertSays(e, "missing required key 'train'");
        assertEquals(8, e.location().line());
        assertEquals("experiments[0].walk_forward.train", e.location().field());
    }

    @Test
    void stepShorterThanTest_isAnImpossiblePlanThatStatesTheRule() {
        UserError e = rejected(edit("{train: 120, test: 50}", "{train: 120, test: 50, step: 20}"));
        assertSays(e, "impossible walk-forward plan", "step (20) must be at least test (50)");
        assertEquals(8, e.location().line());
        assertEquals("experiments[0].walk_forward", e.location().field());
    }

    @Test
    void strategyForRealisedVolatility_isRejectedBecauseThereIsNoDirection() {
        UserError e = rejected(edit("    target: {kind: log-return, horizon: 1}\n",
                "    target: {kind: realised-vol, horizon: 5}\n    strategy: {kind: sign}\n"));
        assertSays(e, "realised-vol", "no direction to trade on", "remove 'strategy'");
        assertAt(e, 8, 15, "experiments[0].strategy");
    }

    @Test
    void twoModelsWithTheSameLabel_areRejected() {
        UserError e = rejected(edit("{kind: random-walk}", "{kind: ar, p: 1}"));
        assertSays(e, "two models in experiment 'ret' are called 'ar'", "give one a 'name'");
        assertAt(e, 11, 9, "experiments[0].models[1]");
    }

    @Test
    void sameKindTwice_isAcceptedWhenNamed() {
        BatchSpec batch = parse(edit("{kind: random-walk}", "{kind: ar, p: 1, name: ar1}"));
        assertEquals(List.of("ar1", "ar"), batch.experiments().get(0).models().stream().map(ModelSpec::label).toList());
    }

    @Test
    void emptyExperimentList_isRejected() {
        String yaml = VALID.substring(0, VALID.indexOf("experiments:")) + "experiments: []\n";
        UserError e = rejected(yaml);
        assertSays(e, "experiments must be a non-empty list");
        assertAt(e, 5, 14, "experiments");
    }

    @Test
    void dataWithBothPathAndSynthetic_isRejected() {
        UserError e = rejected(edit("  synthetic:", "  path: prices.csv\n  synthetic:"));
        assertSays(e, "exactly one of 'path'", "'synthetic'", "got both");
        assertAt(e, 4, 3, "data");
    }

    @Test
    void relativeCsvPath_resolvesAgainstTheBatchDirectory() {
        BatchSpec batch = parse(edit("  synthetic: {kind: gbm, bars: 250, seed: 5}", "  path: prices/spy.csv"));
        SourceSpec.Csv csv = (SourceSpec.Csv) batch.experiments().get(0).data().primary();
        assertEquals(Path.of("/batches/prices/spy.csv"), csv.path());
        assertEquals("spy", csv.symbol(), "the symbol defaults to the file name");
    }

    @Test
    void unknownNestedKeyWithABlockValue_isReportedAtTheKeysLine() {
        UserError e = rejected(edit("    walk_forward: {train: 120, test: 50}\n",
                "    walk_forward: {train: 120, test: 50}\n    regimez:\n      - {kind: volatility}\n"));
        assertSays(e, "unknown key 'regimez'", "did you mean 'regimes'?");
        assertAt(e, 9, 5, "experiments[0].regimez");
    }

    @Test
    void twoExperimentsWithTheSameName_areRejected() {
        String second = VALID.substring(VALID.indexOf("  - name: ret"));
        UserError e = rejected(VALID + second);
        assertSays(e, "two experiments are named 'ret'");
        assertEquals(12, e.location().line());
        assertEquals("experiments[1]", e.location().field());
    }

    @Test
    void missingName_isRejectedSayingWhatItIsFor() {
        UserError e = rejected(VALID.replace("name: t\n", "description: no name\n"));
        assertSays(e, "missing required key 'name'", "output directory");
        assertEquals("name", e.location().field());
    }

    // --set overrides ---------------------------------------------------------------------------

    @Test
    void setOverride_replacesANestedMappingValue() {
        BatchSpec batch = parse(VALID, "data.synthetic.bars=300");
        assertEquals(300, ((SourceSpec.Synthetic) batch.experiments().get(0).data().primary()).bars());
    }

    @Test
    void setOverride_reachesIntoListItems() {
        BatchSpec batch = parse(VALID, "experiments[0].walk_forward.train=100");
        assertEquals(100, batch.experiments().get(0).plan().train());
        assertEquals(50, batch.experiments().get(0).plan().test(), "siblings are kept");
    }

    @Test
    void setOverride_withAMissingListItem_isRejectedAtTheCommandLine() {
        UserError e = rejected(VALID, "experiments[9].x=1");
        assertSays(e, "no list item [9]");
        assertEquals("--set", e.location().source());
        assertEquals("experiments[9].x", e.location().field());
    }

    @Test
    void setOverride_withABadValue_isReportedAgainstTheCommandLineNotTheFile() {
        UserError e = rejected(VALID, "experiments[0].walk_forward.train=many");
        assertSays(e, "must be an integer, got 'many'");
        assertEquals("--set", e.location().source());
        assertEquals("experiments[0].walk_forward.train", e.location().field());
    }

    @Test
    void setOverride_ofARelativeCsvPath_resolvesAgainstTheWorkingDirectory() {
        String csvBatch = edit("  synthetic: {kind: gbm, bars: 250, seed: 5}", "  path: prices/spy.csv");
        BatchSpec batch = parse(csvBatch, "data.path=other/qqq.csv");
        SourceSpec.Csv csv = (SourceSpec.Csv) batch.experiments().get(0).data().primary();
        assertEquals(Path.of("other/qqq.csv").toAbsolutePath(), csv.path());
    }

    @Test
    void setOverride_withoutEquals_isRejected() {
        UserError e = rejected(VALID, "seed");
        assertSays(e, "expected path=value");
        assertEquals("--set", e.location().source());
    }

    @Test
    void setOverride_ofAnUnknownKey_isCaughtByValidation() {
        UserError e = rejected(VALID, "experiments[0].walk_forward.tran=100");
        assertSays(e, "unknown key 'tran'", "did you mean 'train'?");
    }

    /** Every problem of the file, as parsed in one pass. */
    private static List<UserError> all(String yaml) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> parse(yaml));
        return e instanceof dev.foresight.error.UserErrors many ? many.errors() : List.of((UserError) e);
    }

    @Test
    void emptyModels_isLocatedAtTheModelsKey() {
        UserError e = rejected(edit("""
                    models:
                      - {kind: random-walk}
                      - {kind: ar, p: 2}
                """, "    models: []\n"));
        assertEquals("experiments[0].models", e.location().field());
        assertEquals(9, e.location().line());
        assertTrue(e.getMessage().contains("at least one model"), e.getMessage());
    }

    @Test
    void defaultsProblems_areReportedOnceAndDoNotHideTheRest() {
        String yaml = """
                name: t
                defaults:
                  bogus: 1
                  walk_forward: {train: abc, test: 50}
                  target: log-return
                data:
                  synthetic: {kind: gbm, bars: 250, seed: 5}
                experiments:
                  - name: a
                    models: [{kind: ar, p: 0}]
                  - name: b
                    models: [{kind: random-walk}]
                  - name: c
                    models: [{kind: nosuch}]
                """;
        List<UserError> errors = all(yaml);
        List<String> fields = errors.stream().map(x -> x.location().field()).toList();
        assertEquals(List.of("defaults.bogus", "defaults.walk_forward.train", "experiments[0].models[0].p",
                "experiments[2].models[0]"), fields, errors.toString());
    }

    @Test
    void gridOnAMissingBlock_isNeverBlamedOnSet() {
        String yaml = """
                name: t
                data:
                  synthetic: {kind: gbm, bars: 250, seed: 5}
                experiments:
                  - name: a
                    target: log-return
                    models: [{kind: random-walk}]
                    grid:
                      walk_forward.train: [100, 120]
                """;
        for (UserError e : all(yaml)) {
            assertEquals(FILE, e.location().source(), e.getMessage());
            assertTrue(!e.getMessage().contains("--set"), e.getMessage());
        }
    }

    @Test
    void hugeGrid_isOneLocatedErrorCountedBeforeExpansion() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            values.append("        - ").append(i % 50 + 1).append('\n');
        }
        // Parsed directly, one value a line (the file-size and line limits are the reader's; here the count is under test).
        List<UserError> errors = all(VALID + "    grid:\n      ar.p:\n" + values);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(6, errors.get(0).location().line());
        assertTrue(errors.get(0).getMessage().contains("more than 10000"), errors.get(0).getMessage());
    }

    @Test
    void gridsThatMultiplyAcrossExperiments_areCountedTogether() {
        String yaml = """
                name: t
                data:
                  synthetic: {kind: gbm, bars: 250, seed: 5}
                defaults:
                  target: log-return
                  walk_forward: {train: 100, test: 50}
                  grid:
                    costs.bps: [%s]
                    walk_forward.train: [%s]
                experiments:
                  - name: a
                    models: [{kind: random-walk}, {kind: ar, p: 1}]
                """.formatted(String.join(", ", java.util.stream.IntStream.range(0, 80).mapToObj(String::valueOf).toList()),
                String.join(", ", IntStream.range(100, 180).mapToObj(String::valueOf).toList()));
        List<UserError> errors = all(yaml);
        assertTrue(errors.get(0).getMessage().contains("more than 10000"), errors.toString());
    }

    @Test
    void longCell_isQuotedAtMost80Characters() {
        UserError e = rejected(edit("{kind: ar, p: 2}", "{kind: ar, p: '" + "9x".repeat(3000) + "'}"));
        assertTrue(e.getMessage().length() < 400, e.getMessage().length() + " characters");
    }
}
