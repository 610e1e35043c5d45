package dev.foresight.isolation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A class loader that defines plugin classes itself (child first) and delegates everything else
 * to its parent. Two such loaders never share a plugin class, hence never a static field of one:
 * what a plugin stores statically while computing one task is invisible to every other task and
 * check. It remembers the classes it defined, for {@link StaticState}.
 */
public final class IsolatedLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final URLClassLoader finder;
    private final Map<URL, ProtectionDomain> domains = new HashMap<>();
    private final List<Class<?>> defined = new ArrayList<>();

    private final Set<String> sharedPackages;

    IsolatedLoader(String purpose, ClassLoader parent, URLClassLoader finder, Set<String> sharedPackages) {
        super("foresight-" + purpose, parent);
        this.finder = finder;
        this.sharedPackages = sharedPackages;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = isolated(name) ? define(name) : null;
                if (c == null) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /** A system property a class of this loader wrote ({@link PropertyWatch}). */
    record PropertyWrite(Class<?> writer, String key) {
    }

    private final List<PropertyWrite> propertyWrites = new ArrayList<>();

    void wroteProperty(String key, Class<?> writer) {
        synchronized (propertyWrites) {
            propertyWrites.add(new PropertyWrite(writer, key));
        }
    }

    /** The system properties this loader's classes wrote so far, in order. */
    List<PropertyWrite> propertyWrites() {
        synchronized (propertyWrites) {
            return List.copyOf(propertyWrites);
        }
    }

    /** The plugin classes this loader defined so far, in order. */
    public List<Class<?>> definedClasses() {
        synchronized (defined) {
            return List.copyOf(defined);
        }
    }

    private boolean isolated(String name) {
        // the framework's contracts and the JDK are always shared, even when a plugin jar bundles a copy
        int dot = name.lastIndexOf('.');
        return !name.startsWith("java.") && !name.startsWith("javax.") && !name.startsWith("jdk.")
                && !name.startsWith("sun.") && !sharedPackages.contains(dot < 0 ? "" : name.substring(0, dot));
    }

    private Class<?> define(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        URL url = finder.findResource(path);
        if (url == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name + ": cannot read " + url, new UncheckedIOException(e));
        }
        Class<?> c = defineClass(name, bytes, 0, bytes.length, domain(url, path));
        synchronized (defined) {
            defined.add(c);
        }
        return c;
    }

    private ProtectionDomain domain(URL url, String path) {
        String s = url.toString();
        String root = s.endsWith(path) ? s.substring(0, s.length() - path.length()) : s;
        if (root.startsWith("jar:") && root.endsWith("!/")) {
            root = root.substring(4, root.length() - 2);
        }
        try {
            URL key = new URL(root);
            synchronized (domains) {
                return domains.computeIfAbsent(key, k -> new ProtectionDomain(new CodeSource(k, (Certificate[]) null),
                        null, this, null));
            }
        } catch (java.net.MalformedURLException e) {
            return null;
        }
    }
}
