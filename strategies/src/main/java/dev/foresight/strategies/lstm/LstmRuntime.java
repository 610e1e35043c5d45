package dev.foresight.strategies.lstm;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J runtime as this process uses it: quiet logging unless asked, and the facts that change
 * the last bits of a network's weights (OpenMP thread count, native classifier), for provenance.
 *
 * <p>Logging: the {@code strategies} jar carries {@code simplelogger.properties} with level
 * {@code warn}, so DL4J's INFO lines are hidden. {@code -Dforesight.verbose=true} (set by
 * {@code foresight run --verbose}) shows them: {@link #initialise()} then leaves ND4J's start-up
 * block on and, if the SLF4J level was not given explicitly, raises it to {@code info} — that only
 * works when it runs before the first logger is created, which the CLI ensures by setting the
 * SLF4J property itself.
 *
 * <p>SameDiff (behind the attention layer) also prints "Added differentiated op ..." with
 * {@code System.out.println} for every network it builds, bypassing the logger; unless verbose,
 * {@link #initialise()} wraps {@code System.out} once so those lines — and only those — are dropped.
 */
public final class LstmRuntime {

    /** The system property that turns DL4J/ND4J's INFO logs on. */
    public static final String VERBOSE_PROPERTY = "foresight.verbose";

    private LstmRuntime() {
    }

    /** Sets the log properties; must run before ND4J's first use. Idempotent. */
    static void initialise() {
        boolean verbose = Boolean.getBoolean(VERBOSE_PROPERTY);
        if (System.getProperty("org.nd4j.log.initialization") == null) {
            System.setProperty("org.nd4j.log.initialization", String.valueOf(verbose));
        }
        if (verbose && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        synchronized (LstmRuntime.class) {
            if (!verbose && !(System.out instanceof SameDiffChatterFilter)) {
                System.setOut(new SameDiffChatterFilter(System.out));
            }
        }
    }

    /** {@code System.out} without SameDiff's unconditional per-network "Added differentiated op" lines. */
    static final class SameDiffChatterFilter extends PrintStream {

        static final String CHATTER = "Added differentiated op ";

        SameDiffChatterFilter(PrintStream out) {
            super(out, true);
        }

        @Override
        public void println(String line) {
            if (line == null || !line.startsWith(CHATTER)) {
                super.println(line);
            }
        }
    }

    /**
     * ND4J's thread count, native classifier and BLAS, once ND4J has been used in this process
     * (loading it just to report costs about a second, so a run without an LSTM reports
     * {@code loaded: false}). Asks whether ND4J's native library is loaded, not whether this class
     * loaded it: a third-party plugin may have used ND4J (shared by all loaders) on its own.
     */
    public static Map<String, Object> environment() {
        // ND4J is initialised: reading its settings costs nothing
        return nativeLibraryLoaded() ? load() : Map.of("loaded", false);
    }

    /** Whether ND4J's native library is loaded in this JVM (JavaCPP's loader is shared, not per task). */
    private static boolean nativeLibraryLoaded() {
        return org.bytedeco.javacpp.Loader.getLoadedLibraries().keySet().stream().anyMatch(k -> k.contains("nd4jcpu"));
    }

    /** Loads ND4J (once) and returns {@link #environment()}. */
    static Map<String, Object> load() {
        return Loaded.ENVIRONMENT;
    }

    /**
     * The environment, read when first asked for (the JVM initialises a holder class once, under its
     * own lock): a constant, not a static field written later — built-in classes hold no mutable
     * static state (BuiltInStaticStateTest).
     */
    private static final class Loaded {
        static final Map<String, Object> ENVIRONMENT = read();

        private static Map<String, Object> read() {
            initialise();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("loaded", true);
            m.put("nd4j_version", version());
            m.put("backend", Nd4j.getBackend().getClass().getSimpleName());
            m.put("classifier", classifier());
            m.put("threads", Nd4j.getEnvironment().maxThreads());
            m.put("master_threads", Nd4j.getEnvironment().maxMasterThreads());
            Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
            m.put("blas_vendor", String.valueOf(info.getOrDefault("blas.vendor", "unknown")));
            m.put("omp_num_threads", String.valueOf(System.getenv().getOrDefault("OMP_NUM_THREADS", "unset")));
            m.put("omp_wait_policy", String.valueOf(System.getenv().getOrDefault("OMP_WAIT_POLICY", "unset")));
            // which OpenBLAS kernel ran (the launcher may set it): it changes results' last bits
            m.put("openblas_coretype", String.valueOf(System.getenv().getOrDefault("OPENBLAS_CORETYPE", "unset")));
            return Collections.unmodifiableMap(m);
        }
    }

    /** The nd4j-native classifier on the class path (e.g. linux-x86_64, linux-x86_64-avx2). */
    private static String classifier() {
        String platform = org.bytedeco.javacpp.Loader.getPlatform();
        for (String extension : new String[] {"-avx512", "-avx2", "-onednn-avx512", "-onednn-avx2", "-onednn", ""}) {
            String dir = "org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + extension + "/";
            if (LstmRuntime.class.getClassLoader().getResource(dir) != null) {
                return platform + extension;
            }
        }
        return platform + " (unknown extension)";
    }

    private static String version() {
        try (var in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
