package dev.foresight.cli;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where third-party plugins come from, in this order: each {@code --plugins PATH} (a jar, a
 * directory of jars, or a directory of classes with its {@code META-INF/services} file; several
 * separated by the platform's path separator), then {@code FORESIGHT_PLUGINS} (the same syntax),
 * then every jar in the {@code plugins/} folder next to the launcher ({@code FORESIGHT_HOME}, set
 * by {@code ./foresight}). The plugins are found through a class loader over these entries, a
 * child of the application's: {@code run}, {@code check}, {@code validate}, {@code plan},
 * {@code plugins} and {@code schema} all see them.
 */
final class PluginPath {

    private PluginPath() {
    }

    /** The entries, each checked to exist; a missing one is a user error naming where it came from. */
    static List<Path> entries(List<String> option, String env, String home) {
        List<Path> out = new ArrayList<>();
        for (String o : option) {
            add(out, o, "--plugins");
        }
        if (env != null && !env.isBlank()) {
            add(out, env, "FORESIGHT_PLUGINS");
        }
        if (home != null && !home.isBlank()) {
            Path folder = Path.of(home, "plugins");
            if (Files.isDirectory(folder)) {
                for (Path jar : jars(folder)) {
                    out.add(readable(jar, jar.toString(), folder.toString()));
                }
            }
        }
        return out;
    }

    /** A loader over {@code entries} (the application's own loader when there are none). */
    static ClassLoader loader(List<Path> entries, ClassLoader parent) {
        if (entries.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toUri().toURL();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new URLClassLoader("foresight-plugins", urls, parent);
    }

    private static void add(List<Path> out, String value, String from) {
        for (String part : value.split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            Path p = Path.of(part).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw new UserError(Location.of(from), "plugin path '" + part + "' does not exist (a jar, a "
                        + "directory of jars, or a directory of classes)");
            }
            if (Files.isDirectory(p) && !Files.isDirectory(p.resolve("META-INF"))) {
                List<Path> jars = jars(p);
                if (jars.isEmpty()) {
                    throw new UserError(Location.of(from), "plugin directory '" + part + "' holds no .jar file and no "
                            + "META-INF/services registration");
                }
                for (Path jar : jars) {
                    out.add(readable(jar, jar.toString(), from));
                }
            } else if (Files.isDirectory(p)) {
                out.add(p);
            } else if (part.endsWith(".jar")) {
                out.add(readable(p, part, from));
            } else {
                throw new UserError(Location.of(from), "plugin path '" + part + "' is neither a .jar file nor a directory");
            }
        }
    }

    /**
     * A jar that opens as one: a class loader silently skips an unreadable or damaged jar, and its
     * kinds would then be reported as unknown with no word about the jar.
     */
    private static Path readable(Path jar, String shown, String from) {
        try (java.util.jar.JarFile ignored = new java.util.jar.JarFile(jar.toFile())) {
            return jar;
        } catch (IOException | SecurityException e) {
            throw new UserError(Location.of(from), "plugin jar '" + shown + "' cannot be read as a jar ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    private static List<Path> jars(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
