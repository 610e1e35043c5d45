package dev.foresight.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Test fixture: third-party plugins as a user builds them, compiled here against the framework (the
 * test's class path) — one packed as a jar, one left as a directory of classes with its service
 * file, the two forms {@code --plugins} takes. Both are feature sets ({@code test-ewma},
 * {@code test-momentum}); each call of their features also records, in the directory named by the
 * environment variable {@value #TRACE}, which process computed it, with which class loader, and
 * from which jar or directory that loader read the plugin's class (one file per process and loader:
 * no static state, which the isolation checks would rightly flag).
 */
final class TestPlugins {

    static final String TRACE = "FORESIGHT_TEST_PLUGIN_TRACE";

    private static final String TRACER = """
            package test.plugins;

            final class Tracer {
                private Tracer() {
                }

                static void trace(Class<?> c) {
                    String dir = System.getenv("%s");
                    if (dir == null) {
                        return;
                    }
                    ClassLoader loader = c.getClassLoader();
                    String line = ProcessHandle.current().pid() + "\\t" + loader.getName() + "\\t"
                            + c.getProtectionDomain().getCodeSource().getLocation() + "\\n";
                    try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(dir, "trace-" + ProcessHandle.current().pid()
                                + "-" + System.identityHashCode(loader) + ".txt"), line);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            """.formatted(TRACE);

    private static final String EWMA = """
            package test.plugins;

            import dev.foresight.data.MarketView;
            import dev.foresight.feature.FeatureMatrix;
            import dev.foresight.feature.FeatureSet;
            import dev.foresight.feature.FittedFeatures;
            import dev.foresight.plugin.ParameterSpec;
            import dev.foresight.plugin.SimpleProvider;
            import java.util.List;

            public final class EwmaProvider extends SimpleProvider<FeatureSet> {
                public EwmaProvider() {
                    super(FeatureSet.class, "test-ewma", "EWMA of log returns (a test's plugin jar)",
                            List.of(ParameterSpec.real("lambda", 0.94, 0.0, 1.0, "decay per bar")), p -> ewma(p.real("lambda")));
                }

                static FeatureSet ewma(double lambda) {
                    return train -> new FittedFeatures() {
                        public List<String> columns() {
                            return List.of("ewma");
                        }

                        public int warmUp() {
                            return 1;
                        }

                        public FeatureMatrix compute(MarketView view) {
                            Tracer.trace(EwmaProvider.class);
                            double[] x = new double[view.size()];
                            x[0] = Double.NaN;
                            double m = 0;
                            for (int t = 1; t < x.length; t++) {
                                m = lambda * m + (1 - lambda) * view.primary().logReturn(t);
                                x[t] = m;
                            }
                            return FeatureMatrix.of(List.of("ewma"), new double[][] {x}, x.length);
                        }
                    };
                }
            }
            """;

    private static final String MOMENTUM = """
            package test.more;

            import dev.foresight.data.MarketView;
            import dev.foresight.feature.FeatureMatrix;
            import dev.foresight.feature.FeatureSet;
            import dev.foresight.feature.FittedFeatures;
            import dev.foresight.plugin.ParameterSpec;
            import dev.foresight.plugin.SimpleProvider;
            import java.util.List;

            public final class MomentumProvider extends SimpleProvider<FeatureSet> {
                public MomentumProvider() {
                    super(FeatureSet.class, "test-momentum", "close over close n bars ago, less one (a test's class directory)",
                            List.of(ParameterSpec.integer("bars", 5, 1, 100, "look-back")), p -> momentum(p.integer("bars")));
                }

                static FeatureSet momentum(int bars) {
                    return train -> new FittedFeatures() {
                        public List<String> columns() {
                            return List.of("momentum");
                        }

                        public int warmUp() {
                            return bars;
                        }

                        public FeatureMatrix compute(MarketView view) {
                            double[] x = new double[view.size()];
                            for (int t = 0; t < x.length; t++) {
                                x[t] = t < bars ? Double.NaN : view.primary().close(t) / view.primary().close(t - bars) - 1;
                            }
                            return FeatureMatrix.of(List.of("momentum"), new double[][] {x}, x.length);
                        }
                    };
                }
            }
            """;

    /** The plugin jar and the plugin class directory, built under {@code dir}. */
    record Built(Path jar, Path classes) {
    }

    private TestPlugins() {
    }

    static Built build(Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path jarClasses = compile(dir.resolve("jar-classes"),
                write(src.resolve("test/plugins/Tracer.java"), TRACER), write(src.resolve("test/plugins/EwmaProvider.java"), EWMA));
        service(jarClasses, "test.plugins.EwmaProvider");
        Path classes = compile(dir.resolve("momentum-classes"), write(src.resolve("test/more/MomentumProvider.java"), MOMENTUM));
        service(classes, "test.more.MomentumProvider");
        return new Built(jar(jarClasses, dir.resolve("test-ewma-plugin.jar")), classes);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Path compile(Path out, Path... sources) throws IOException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertTrue(javac != null, "the tests run on a JDK");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-classpath",
                System.getProperty("java.class.path"), "-d", out.toString()));
        Stream.of(sources).map(Path::toString).forEach(args::add);
        int code = javac.run(null, null, null, args.toArray(String[]::new));
        assertTrue(code == 0, "the test plugin compiles");
        return out;
    }

    private static void service(Path classes, String provider) throws IOException {
        write(classes.resolve("META-INF/services/dev.foresight.plugin.PluginProvider"), provider + "\n");
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (Stream<Path> walk = Files.walk(classes);
             OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return jar;
    }
}
