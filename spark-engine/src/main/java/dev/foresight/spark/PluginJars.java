package dev.foresight.spark;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The plugin path as Spark ships it to executors ({@code SparkContext.addJar}): each executor
 * downloads the jars into its own directory and adds them to the class loader its tasks run with,
 * where {@code PluginRegistry.discover()} finds the plugins and the per-unit isolated loader
 * defines their classes afresh from that local copy. Spark ships jars only, named by their file
 * name, so a directory of classes is packed into a jar, and two entries that would arrive under
 * the same name are refused.
 */
record PluginJars(List<Path> entries) {

    PluginJars {
        entries = List.copyOf(entries);
        Map<String, Path> byName = new HashMap<>();
        for (Path p : entries) {
            String name = shippedName(p);
            Path other = byName.putIfAbsent(name, p);
            if (other != null) {
                throw new UserError(Location.of("--plugins"), "plugin path entries '" + other + "' and '" + p
                        + "' would both reach the Spark executors as " + name + " (Spark ships jars by file name): "
                        + "rename one");
            }
        }
    }

    /**
     * The jars to add to the context: the plugin jars themselves, and each class directory packed
     * into {@code staging} (entries in name order, fixed times: the same classes give the same jar).
     */
    List<Path> jars(Path staging) {
        List<Path> out = new ArrayList<>();
        for (Path p : entries) {
            out.add(Files.isDirectory(p) ? pack(p, staging.resolve(shippedName(p))) : p);
        }
        return out;
    }

    private static String shippedName(Path entry) {
        String name = entry.getFileName().toString();
        return Files.isDirectory(entry) ? "plugin-classes-" + name + ".jar" : name;
    }

    private static Path pack(Path directory, Path jar) {
        try (Stream<Path> walk = Files.walk(directory);
             OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                JarEntry e = new JarEntry(directory.relativize(p).toString().replace('\\', '/'));
                e.setTime(0);
                out.putNextEntry(e);
                Files.copy(p, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the plugin classes in " + directory + " into " + jar, e);
        }
        return jar;
    }
}
