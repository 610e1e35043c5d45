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
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * SHA-256 of the code that computes results: the class files (and service registrations) of
 * Foresight's modules and of every jar or directory a plugin provider is loaded from. It is part
 * of each task's cache key, so a code change recomputes the tasks, while a rebuild of identical
 * code (new jar timestamps, a new commit touching only docs) does not. Computed once per JVM.
 */
public final class CodeFingerprint {

    private static volatile String cached;

    private CodeFingerprint() {
    }

    public static String of(PluginRegistry plugins) {
        String value = cached;
        if (value == null) {
            synchronized (CodeFingerprint.class) {
                if (cached == null) {
                    cached = compute(plugins);
                }
                value = cached;
            }
        }
        return value;
    }

    private static String compute(PluginRegistry plugins) {
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
        MessageDigest md = sha256();
        for (Path source : sources) {
            TreeMap<String, byte[]> entries = Files.isDirectory(source) ? directory(source) : jar(source);
            entries.forEach((name, bytes) -> {
                md.update(name.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(bytes);
            });
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static boolean counts(String name) {
        return name.endsWith(".class") || name.startsWith("META-INF/services/");
    }

    private static TreeMap<String, byte[]> jar(Path file) {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (JarFile jar = new JarFile(file.toFile())) {
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
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
