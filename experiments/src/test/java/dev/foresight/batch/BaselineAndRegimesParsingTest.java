package dev.foresight.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.UserError;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The experiment's {@code baseline} key and the regime entries of the YAML. */
class BaselineAndRegimesParsingTest {

    private static BatchSpec parse(String experimentExtra, String models) {
        String yaml = """
                name: t
                data: {symbol: SYN, synthetic: {kind: gbm, bars: 600, seed: 1}}
                experiments:
                  - name: e
                    target: log-return
                    walk_forward: {train: 300, test: 100}
                """ + experimentExtra + "    models:\n" + models;
        return new BatchParser(PluginRegistry.discover(), Path.of(".")).parse(YamlReader.parse("t.yaml", yaml), Path.of("t.yaml"));
    }

    private static final String MODELS = """
                  - {kind: ar, p: 1}
                  - {kind: random-walk, name: rw}
                  - {kind: historical-mean}
            """;

    @Test
    void baseline_defaultsToTheFirstRandomWalk_elseTheFirstModel() {
        assertEquals("rw", parse("", MODELS).experiments().get(0).baseline());
        assertEquals("ar", parse("", "      - {kind: ar, p: 1}\n      - {kind: historical-mean}\n")
                .experiments().get(0).baseline());
        assertEquals("historical-mean", parse("    baseline: historical-mean\n", MODELS).experiments().get(0).baseline());
    }

    @Test
    void baseline_namingNoModel_isALocatedErrorWithASuggestion() {
        var e = assertThrows(UserError.class, () -> parse("    baseline: historical-man\n", MODELS));
        assertTrue(e.getMessage().contains("did you mean 'historical-mean'"), e.getMessage());
        assertEquals(7, e.location().line());   // the 'baseline' line
    }

    @Test
    void calendarRanges_acceptAMappingOrAListOfTexts_andTruthNeedsNoName() {
        BatchSpec map = parse("    regimes:\n      - {kind: calendar, ranges: {gfc: 2008-09-01..2009-03-31, b: 2010-01-01..2010-02-01}}\n"
                + "      - {kind: truth}\n", MODELS);
        List<RegimeSpec> regimes = map.experiments().get(0).regimes();
        assertEquals(List.of("calendar", "truth"), regimes.stream().map(RegimeSpec::name).toList());
        assertEquals(List.of("gfc: 2008-09-01..2009-03-31", "b: 2010-01-01..2010-02-01"),
                regimes.get(0).detector().parameters().get("ranges"));
        BatchSpec list = parse("    regimes:\n      - {kind: calendar, ranges: [\"gfc: 2008-09-01..2009-03-31\"]}\n", MODELS);
        assertEquals(List.of("gfc: 2008-09-01..2009-03-31"),
                list.experiments().get(0).regimes().get(0).detector().parameters().get("ranges"));
    }

    @Test
    void calendarRange_withABadDate_isAnErrorAtTheRangesLine() {
        var e = assertThrows(UserError.class,
                () -> parse("    regimes:\n      - {kind: calendar, ranges: {gfc: 2008-13-01..2009-03-31}}\n", MODELS));
        assertTrue(e.getMessage().contains("not a date") || e.getMessage().contains("2008-13-01"), e.getMessage());
        assertEquals(8, e.location().line());
    }
}
