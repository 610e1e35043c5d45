package dev.foresight.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.UserError;
import dev.foresight.error.UserErrors;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.walkforward.WindowType;
import dev.foresight.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridAndDefaultsTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover();

    private static BatchSpec parse(String yaml) {
        return new BatchParser(PLUGINS, Path.of("/b")).parse(YamlReader.parse("g.yaml", yaml), Path.of("g.yaml"));
    }

    @Test
    void gridAndDefaults_defaultsFillEveryExperimentAndAnExperimentOverridesThem() {
        BatchSpec b = parse("""
                name: d
                defaults:
                  data: {synthetic: {kind: gbm, bars: 500, seed: 1}}
                  target: {kind: log-return, horizon: 2}
                  walk_forward: {train: 200, test: 50}
                  costs: {bps: 3}
                experiments:
                  - name: a
                    models: [{kind: random-walk}]
                  - name: b
                    target: {kind: direction}
                    models: [{kind: historical-mean}]
                """);
        assertEquals(2, b.experiments().get(0).target().instance().horizon());
        assertEquals(3, b.experiments().get(0).costs().costBps());
        assertEquals("direction(h=1)", b.experiments().get(1).target().instance().name());
        assertEquals(200, b.experiments().get(1).plan().train());
    }

    @Test
    void gridAndDefaults_aGridExpandsExperimentsAndModelsIntoTheCartesianProductWithStableNames() {
        BatchSpec b = parse("""
                name: g
                data: {synthetic: {kind: gbm, bars: 500, seed: 1}}
                experiments:
                  - name: ret
                    target: log-return
                    walk_forward: {train: 200, test: 50}
                    grid:
                      walk_forward.window: [expanding, rolling]
                      ar.p: [1, 3]
                      hm.window: [0, 100]
                    models:
                      - {kind: random-walk}
                      - {kind: ar}
                      - {kind: historical-mean, name: hm}
                """);
        List<String> experiments = b.experiments().stream().map(ExperimentSpec::name).toList();
        assertEquals(List.of("ret.window-expanding", "ret.window-rolling"), experiments);
        assertEquals(WindowType.ROLLING, b.experiments().get(1).plan().window());
        List<String> models = b.experiments().get(0).models().stream().map(ModelSpec::label).toList();
        assertEquals(List.of("random-walk", "ar.p-1", "ar.p-3", "hm.window-0", "hm.window-100"), models);
        assertEquals(3, b.experiments().get(1).models().get(2).model().parameters().get("p"));
    }

    @Test
    void gridEntriesWithMappings_areNamedByPosition() {
        BatchSpec b = parse("""
                name: g
                data: {synthetic: {kind: gbm, bars: 500, seed: 1}}
                experiments:
                  - name: vol
                    target: realised-vol
                    walk_forward: {train: 200, test: 50}
                    grid:
                      regimes: [[{kind: volatility}], [{kind: volatility, window: 63}]]
                    models: [{kind: random-walk}]
                """);
        // mappings have no short name: by position
        assertEquals(List.of("vol.regimes-1", "vol.regimes-2"), b.experiments().stream().map(ExperimentSpec::name).toList());
        assertEquals(63, b.experiments().get(1).regimes().get(0).detector().parameters().get("window"));
    }

    @Test
    void gridAndDefaults_listsOfScalarsAreNamedByJoiningTheirItems() {
        assertEquals("64x32", BatchExpansion.show(dev.foresight.yaml.YamlReader.parse("x", "[64, 32]"), 0));
        assertEquals("0.05", BatchExpansion.show(dev.foresight.yaml.YamlReader.parse("x", "0.05"), 3));
    }

    @Test
    void gridAndDefaults_aGridKeyThatNamesNothingIsALocatedError() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> parse("""
                name: g
                data: {synthetic: {kind: gbm, bars: 500, seed: 1}}
                experiments:
                  - name: ret
                    target: log-return
                    walk_forward: {train: 200, test: 50}
                    grid:
                      lasso.alpha: [0.1, 0.2]
                    models: [{kind: random-walk}]
                """));
        UserError first = e instanceof UserErrors many ? many.errors().get(0) : (UserError) e;
        assertEquals(8, first.location().line());
        assertTrue(first.getMessage().contains("'lasso' is neither an experiment key"), first.getMessage());
        assertTrue(first.getMessage().contains("nor a model of this experiment (random-walk)"), first.getMessage());
    }

    @Test
    void gridAndDefaults_everyProblemOfABatchIsReportedInOnePass() {
        UserErrors e = assertThrows(UserErrors.class, () -> parse("""
                name: many
                data: {synthetic: {kind: gbm, bars: 500, seed: 1}}
                experiments:
                  - name: a
                    target: log-retrun
                    walk_forward: {train: 200, test: 50, step: 10}
                    models: [{kind: ar, p: 99}]
                  - name: b
                    target: log-return
                    walk_forward: {train: 200, test: 50}
                    costs: {bps: -3}
                    models: [{kind: random-walk, colour: red}]
                """));
        List<Integer> lines = e.errors().stream().map(u -> u.location().line()).toList();
        assertEquals(List.of(5, 6, 7, 11, 12), lines, e.errors().toString());
    }
}
