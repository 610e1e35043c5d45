package dev.foresight.isolation;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The jars and class directories third-party plugin classes come from (the code sources of the
 * plugin providers, less the framework's own and the built-in plugins'), and fresh
 * {@link IsolatedLoader}s over them. A class found in one of these roots is defined anew by every
 * loader; anything else (the JDK, the framework, the built-in plugins, libraries such as ND4J,
 * Tribuo or Commons Math) is shared from {@code parent}, loaded once per JVM.
 *
 * <p>Why the built-in plugins are shared: HotSpot compiles methods per class, and a class defined
 * by another loader is another class, so isolating them made the JIT compile their hot loops again
 * for every task and every check (9,100 against 6,650 compilations on the SPY bench; a one-slot
 * Spark executor kept 1.7 cores busy). Sharing is safe because their code holds no mutable static
 * state at all, a rule enforced on the compiled classes ({@code BuiltInStaticStateTest} in the
 * strategies module): there is nothing for one task or check to leave behind for another. A
 * third-party plugin carries no such guarantee, so its classes stay isolated and watched.
 */
public final class PluginClassPath {

    private final ClassLoader parent;
    private final List<URL> roots;

    private PluginClassPath(ClassLoader parent, List<URL> roots) {
        this.parent = parent;
        this.roots = List.copyOf(roots);
    }

    /**
     * The roots holding {@code pluginClasses} (e.g. every provider's class), minus the root holding
     * the framework's contracts, which must stay shared, and the roots holding {@code builtIn}
     * (classes of the modules proven free of mutable static state), loaded once by {@code parent}.
     * A third-party class bundled into one of those roots is shared with them: isolation is per jar.
     *
     * @param parent  the loader the plugins were discovered with (the application's, or one over plugin jars)
     * @param builtIn one class of each built-in plugin module (its jar or class directory is shared)
     */
    public static PluginClassPath of(ClassLoader parent, Collection<Class<?>> pluginClasses,
                                     Collection<Class<?>> builtIn) {
        Set<Path> shared = new HashSet<>();
        shared.add(root(PluginClassPath.class));
        for (Class<?> c : builtIn) {
            shared.add(root(c));
        }
        Set<URL> roots = new LinkedHashSet<>();
        for (Class<?> c : pluginClasses) {
            Path p = root(c);
            if (p != null && !shared.contains(p)) {
                try {
                    roots.add(p.toUri().toURL());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (!roots.isEmpty()) {
            PropertyWatch.install();   // isolated plugins are watched for system property writes too
        }
        return new PluginClassPath(parent, new ArrayList<>(roots));
    }

    /** No isolation: every loader is {@code parent} itself. */
    public static PluginClassPath none(ClassLoader parent) {
        return new PluginClassPath(parent, List.of());
    }

    public List<URL> roots() {
        return roots;
    }

    public ClassLoader parent() {
        return parent;
    }

    /** A loader that defines every class of {@link #roots()} afresh; {@code purpose} names it in errors. */
    public IsolatedLoader newLoader(String purpose) {
        return new IsolatedLoader(purpose, parent, new URLClassLoader(roots.toArray(URL[]::new), null),
                FrameworkPackages.NAMES);
    }

    /** The packages of the framework's own root: always loaded once, by the parent. */
    private static final class FrameworkPackages {
        static final Set<String> NAMES = scan(root(PluginClassPath.class));

        private static Set<String> scan(Path root) {
            Set<String> out = new HashSet<>();
            if (root == null) {
                return out;
            }
            try {
                if (Files.isDirectory(root)) {
                    try (var walk = Files.walk(root)) {
                        walk.filter(p -> p.toString().endsWith(".class")).forEach(p -> out.add(
                                root.relativize(p.getParent()).toString().replace(File.separatorChar, '.')));
                    }
                } else {
                    try (var jar = new java.util.jar.JarFile(root.toFile())) {
                        jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.endsWith(".class"))
                                .forEach(n -> out.add(n.lastIndexOf('/') < 0 ? ""
                                        : n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the framework's classes in " + root, e);
            }
            return Set.copyOf(out);
        }
    }

    static Path root(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(cs.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
