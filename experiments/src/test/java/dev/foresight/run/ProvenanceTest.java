package dev.foresight.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.foresight.plugin.ProvenanceContributor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void runtime_endsWithEachPluginContributionUnderItsName() {
        Map<String, Object> runtime = Provenance.runtime(2);
        List<String> keys = new ArrayList<>(runtime.keySet());
        // The manifest's layout before contributors existed: the LSTM's ND4J facts come last.
        assertEquals(List.of("java_version", "java_vendor", "java_vm", "os", "cores", "workers", "libraries", "nd4j"), keys);
        ProvenanceContributor nd4j = Provenance.contributors().get(0);
        assertEquals("nd4j", nd4j.name());
        assertEquals(nd4j.describe(), runtime.get("nd4j"));
        assertEquals(2, runtime.get("workers"));
    }

    @Test
    void contributors_areFoundThroughServiceLoaderAndSortedByName() {
        List<String> names = Provenance.contributors().stream().map(ProvenanceContributor::name).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertEquals(List.of("nd4j"), names, "the strategies module contributes ND4J's runtime, nothing else does");
    }
}
