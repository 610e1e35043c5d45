package dev.foresight.strategies.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tribuo.Model;
import org.tribuo.provenance.ModelProvenance;

/**
 * A compact, deterministic rendering of a Tribuo {@link ModelProvenance} for a task result: the
 * model and trainer classes, every configured trainer setting (nested objects such as the SGD
 * optimiser as nested maps), the Tribuo version and the training set's size. Left out on purpose:
 * training and data-source timestamps, host name, JVM, OS and architecture (the run's manifest
 * records the machine), which would make two identical runs' task files differ.
 */
final class Provenances {

    /** Keys whose values change from run to run or machine to machine. */
    private static final Set<String> VOLATILE = Set.of("trained-at", "datasource-creation-time", "host-short-name",
            "java-version", "os-name", "os-arch", "train-invocation-count");

    private Provenances() {
    }

    static Map<String, Object> describe(Model<?> model) {
        ModelProvenance p = model.getProvenance();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tribuo_version", p.getTribuoVersion());
        out.put("model_class", p.getClassName());
        out.put("trainer", flatten(p.getTrainerProvenance()));
        out.put("training_examples", p.getDatasetProvenance().getNumExamples());
        out.put("training_features", p.getDatasetProvenance().getNumFeatures());
        return out;
    }

    /** An object provenance as a map sorted by key, volatile keys dropped. */
    static Map<String, Object> flatten(ObjectProvenance provenance) {
        Map<String, Object> out = new TreeMap<>();
        for (Pair<String, Provenance> entry : provenance) {
            if (!VOLATILE.contains(entry.getA())) {
                out.put(entry.getA(), value(entry.getB()));
            }
        }
        return out;
    }

    private static Object value(Provenance p) {
        if (p instanceof ObjectProvenance o) {
            return flatten(o);
        }
        if (p instanceof MapProvenance<?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.getMap().forEach((k, v) -> {
                if (!VOLATILE.contains(k)) {
                    out.put(k, value(v));
                }
            });
            return out;
        }
        if (p instanceof ListProvenance<?> l) {
            List<Object> out = new ArrayList<>();
            for (Provenance item : l) {
                out.add(value(item));
            }
            return out;
        }
        if (p instanceof PrimitiveProvenance<?> prim) {
            Object v = prim.getValue();
            if (v instanceof Number n && Double.isFinite(n.doubleValue()) || v instanceof Boolean || v instanceof String) {
                return v instanceof Float f ? Double.valueOf(f.toString()) : v;
            }
            return String.valueOf(v);
        }
        return String.valueOf(p);
    }
}
