package dev.foresight.leakage;

import dev.foresight.pipeline.NamedFeatureSet;
import dev.foresight.pipeline.NamedRegimeDetector;
import dev.foresight.pipeline.Pipeline;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which plugin of a pipeline a class belongs to: the component whose class name shares the
 * longest prefix with it (its own class, a nested or fitted class beside it in its package). Used
 * to name the culprit of a look-ahead or a static-state change found by class, not by stage.
 */
final class Culprits {

    private Culprits() {
    }

    /** The pipeline's plugin {@code className} belongs to, e.g. {@code "feature set rsi"}; or the class itself. */
    static String of(Pipeline pipeline, String className) {
        Map<String, Class<?>> parts = new LinkedHashMap<>();
        parts.put("model " + pipeline.modelName(), pipeline.model().getClass());
        for (NamedFeatureSet f : pipeline.features()) {
            parts.put("feature set " + f.name(), f.featureSet().getClass());
        }
        for (NamedRegimeDetector d : pipeline.regimes()) {
            parts.put("regime detector " + d.name(), d.detector().getClass());
        }
        parts.put("target " + pipeline.target().name(), pipeline.target().getClass());
        pipeline.strategy().ifPresent(s -> parts.put("strategy", s.getClass()));
        String best = null;
        int bestLength = packageOf(className).length() - 1;
        for (Map.Entry<String, Class<?>> e : parts.entrySet()) {
            int n = commonPrefix(className, e.getValue().getName());
            if (n > bestLength && n >= packageOf(className).length()) {
                best = e.getKey();
                bestLength = n;
            }
        }
        return best != null ? best : "class " + className;
    }

    /** The first stack frame of a plugin (not the JDK's or the framework's), or null. */
    static StackTraceElement pluginFrame(Throwable e, Pipeline pipeline) {
        for (StackTraceElement f : e.getStackTrace()) {
            String c = f.getClassName();
            if (!of(pipeline, c).startsWith("class ")) {
                return f;
            }
        }
        return null;
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot + 1);
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
