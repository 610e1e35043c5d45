package dev.foresight.plugin;

import java.util.Map;

/**
 * What a plugin adds to a run's provenance: facts about its own runtime that change results but
 * that the framework cannot know (an ND4J thread count, a native library's classifier). Found by
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.foresight.plugin.ProvenanceContributor})
 * with the plugins' loader, so the command line never names a plugin class.
 *
 * <p>Called once, after the run's tasks finished; it must not load a heavy library only to
 * describe it (say {@code loaded: false} instead).
 */
public interface ProvenanceContributor {

    /** The key under the manifest's {@code runtime} object, e.g. {@code nd4j}; unique among contributors. */
    String name();

    /** The facts, in the order they should be written; JSON-serialisable values only. */
    Map<String, Object> describe();
}
