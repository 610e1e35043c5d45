package dev.foresight.isolation;

import java.util.Map;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The JVM's system properties, remembering which isolated plugin class wrote one. A system
 * property outlives every class loader — the one place a third-party plugin could park what it
 * learnt in one fold and read it back in the next, or in the check meant to compare against it,
 * where fresh classes do not help. Installed once ({@link #install}) in place of
 * {@link System#getProperties()}, with the same entries; a write (set, remove, clear, ...) whose
 * caller — the first frame outside the JDK — belongs to a class an {@link IsolatedLoader} defined
 * is recorded on that loader, and the static-state check reports it. Writes by the framework or a
 * library (ND4J configuring itself, even when a plugin called it) are not recorded: the caller is
 * the library's class. Reads are not watched: without a write, there is nothing to read back.
 */
final class PropertyWatch extends Properties {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private PropertyWatch() {
    }

    /** Puts a watching copy of the system properties in their place (once per JVM). */
    static void install() {
        synchronized (PropertyWatch.class) {
            Properties current = System.getProperties();
            if (current instanceof PropertyWatch) {
                return;
            }
            PropertyWatch watch = new PropertyWatch();
            for (String name : current.stringPropertyNames()) {
                watch.setProperty(name, current.getProperty(name));
            }
            System.setProperties(watch);
        }
    }

    private static void note(Object key) {
        WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> c != PropertyWatch.class && !jdk(c.getName()))
                .findFirst()).ifPresent(writer -> {
                    if (writer.getClassLoader() instanceof IsolatedLoader loader) {
                        loader.wroteProperty(String.valueOf(key), writer);
                    }
                });
    }

    private static boolean jdk(String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.");
    }

    @Override
    public synchronized Object put(Object key, Object value) {
        note(key);
        return super.put(key, value);
    }

    @Override
    public synchronized Object remove(Object key) {
        note(key);
        return super.remove(key);
    }

    @Override
    public synchronized boolean remove(Object key, Object value) {
        note(key);
        return super.remove(key, value);
    }

    @Override
    public synchronized void putAll(Map<?, ?> t) {
        t.keySet().forEach(PropertyWatch::note);
        super.putAll(t);
    }

    @Override
    public synchronized void clear() {
        note("(all: clear)");
        super.clear();
    }

    @Override
    public synchronized Object putIfAbsent(Object key, Object value) {
        note(key);
        return super.putIfAbsent(key, value);
    }

    @Override
    public synchronized boolean replace(Object key, Object oldValue, Object newValue) {
        note(key);
        return super.replace(key, oldValue, newValue);
    }

    @Override
    public synchronized Object replace(Object key, Object value) {
        note(key);
        return super.replace(key, value);
    }

    @Override
    public synchronized void replaceAll(BiFunction<? super Object, ? super Object, ?> function) {
        note("(all: replaceAll)");
        super.replaceAll(function);
    }

    @Override
    public synchronized Object computeIfAbsent(Object key, Function<? super Object, ?> f) {
        note(key);
        return super.computeIfAbsent(key, f);
    }

    @Override
    public synchronized Object computeIfPresent(Object key, BiFunction<? super Object, ? super Object, ?> f) {
        note(key);
        return super.computeIfPresent(key, f);
    }

    @Override
    public synchronized Object compute(Object key, BiFunction<? super Object, ? super Object, ?> f) {
        note(key);
        return super.compute(key, f);
    }

    @Override
    public synchronized Object merge(Object key, Object value, BiFunction<? super Object, ? super Object, ?> f) {
        note(key);
        return super.merge(key, value, f);
    }
}
