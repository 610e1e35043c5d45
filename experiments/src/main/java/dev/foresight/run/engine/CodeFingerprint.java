package dev.foresight.run.engine;

import dev.foresight.plugin.PluginProvider;
import dev.foresight.plugin.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * SHA-256 of the code that computes results: the class files (and service registrations) of
 * Foresight's modules and of every jar or directory a plugin provider is loaded from. It is part
 * of each task's cache key, so a code change recomputes the tasks, while a rebuild of identical
 * code (new jar timestamps, a new commit touching only docs) does not. It depends on the code's
 * bytes only, never on where the jars lie: a worker JVM that runs its own copy of a plugin jar (a
 * Spark executor's download of it) gets the driver's fingerprint. Computed once per JVM and set
 * of code sources (a long-lived worker may see more plugin jars later).
 */
public final class CodeFingerprint {

    private static final Map<List<Object>, String> CACHE = new ConcurrentHashMap<>();

    private CodeFingerprint() {
    }

    public static String of(PluginRegistry plugins) {
        TreeSet<Path> sources = sources(plugins);
        return CACHE.computeIfAbsent(stamp(sources), k -> compute(sources));
    }

    private static TreeSet<Path> sources(PluginRegistry plugins) {
        TreeSet<Path> sources = new TreeSet<>();
        List<Class<?>> anchors = new ArrayList<>(List.of(dev.foresight.pipeline.FoldRunner.class,
                dev.foresight.reports.summary.Summary.class, CodeFingerprint.class));
        for (PluginProvider<?> p : plugins.all()) {
            anchors.add(p.getClass());
        }
        for (Class<?> c : anchors) {
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            if (cs != null && cs.getLocation() != null) {
                try {
                    sources.add(Path.of(cs.getLocation().toURI()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // an exotic class loader: its code cannot be fingerprinted, and is left out
                }
            }
        }
        return sources;
    }

    /** The cache key: each source with, for a jar, its size and modification time (a jar replaced in place). */
    private static List<Object> stamp(TreeSet<Path> sources) {
        List<Object> key = new ArrayList<>();
        for (Path p : sources) {
            key.add(p.toString());
            try {
                if (Files.isRegularFile(p)) {
                    key.add(Files.size(p));
                    key.add(Files.getLastModifiedTime(p).toMillis());
                }
            } catch (IOException e) {
                key.add("unreadable");
            }
        }
        return key;
    }

    /**
     * Each source's entries (name, bytes) hashed on their own, then the sources' digests in sorted
     * order: the same code in jars at other paths or of other names gives the same fingerprint.
     */
    private static String compute(TreeSet<Path> sources) {
        List<String> digests = new ArrayList<>();
        for (Path source : sources) {
            TreeMap<String, byte[]> entries = Files.isDirectory(source) ? directory(source) : jar(source);
            MessageDigest md = sha256();
            entries.forEach((name, bytes) -> {
                md.update(name.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(bytes);
            });
            digests.add(HexFormat.of().formatHex(md.digest()));
        }
        Collections.sort(digests);
        MessageDigest md = sha256();
        digests.forEach(d -> md.update(d.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(md.digest());
    }

    private static boolean counts(String name) {
        return name.endsWith(".class") || name.startsWith("META-INF/services/");
    }

    private static TreeMap<String, byte[]> jar(Path file) {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (JarFile jar = new JarFile(file.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                if (!e.isDirectory() && counts(e.getName())) {
                    try (InputStream in = jar.getInputStream(e)) {
                        out.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    private static TreeMap<String, byte[]> directory(Path root) {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (counts(name)) {
                    out.put(name, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
