package dev.foresight.isolation;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
 * Writes through the views ({@code keySet()}, {@code values()}, {@code entrySet()} and their
 * iterators and entries) are watched too: the views write through this object's methods.
 * {@link System#setProperties} replacing this object is not (a static JDK method; README).
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
                .filter(c -> c.getNestHost() != PropertyWatch.class && !jdk(c.getName()))   // its views' classes too
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

    // The views. Properties' own are views of its inner map, whose writes (keySet().remove,
    // entrySet().iterator().remove(), Map.Entry.setValue, values().removeIf, ...) bypass every
    // method above. These go through them instead: each iterates over a snapshot of the entries
    // (the inner map's views are only weakly consistent anyway) and writes through this object's
    // remove and put, so a write through a view is watched like any other. AbstractSet and
    // AbstractCollection build their removeAll, retainAll, removeIf and clear on the iterator's
    // remove, and contains and remove(Object) are overridden where the map answers directly.

    @Override
    public Set<Object> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Object> iterator() {
                return new Writing<>(Map.Entry::getKey);
            }

            @Override
            public int size() {
                return PropertyWatch.this.size();
            }

            @Override
            public boolean contains(Object key) {
                return containsKey(key);
            }

            @Override
            public boolean remove(Object key) {
                synchronized (PropertyWatch.this) {
                    return containsKey(key) && PropertyWatch.this.remove(key) != null;
                }
            }
        };
    }

    @Override
    public Collection<Object> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Object> iterator() {
                return new Writing<>(Map.Entry::getValue);
            }

            @Override
            public int size() {
                return PropertyWatch.this.size();
            }
        };
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Object, Object>> iterator() {
                return new Writing<>(e -> e);
            }

            @Override
            public int size() {
                return PropertyWatch.this.size();
            }
        };
    }

    /** An iterator over a snapshot of the entries whose remove, and whose entries' setValue, write through this object. */
    private final class Writing<T> implements Iterator<T> {

        private final Iterator<Map.Entry<Object, Object>> entries;
        private final Function<Map.Entry<Object, Object>, T> part;
        private Map.Entry<Object, Object> last;

        Writing(Function<Map.Entry<Object, Object>, T> part) {
            List<Map.Entry<Object, Object>> snapshot = new ArrayList<>();
            synchronized (PropertyWatch.this) {
                for (Map.Entry<Object, Object> e : PropertyWatch.super.entrySet()) {
                    snapshot.add(new WritingEntry(e.getKey(), e.getValue()));
                }
            }
            this.entries = snapshot.iterator();
            this.part = part;
        }

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        public T next() {
            last = entries.next();
            return part.apply(last);
        }

        @Override
        public void remove() {
            if (last == null) {
                throw new IllegalStateException("next() has not been called, or remove() already has");
            }
            PropertyWatch.this.remove(last.getKey());
            last = null;
        }
    }

    /** An entry whose setValue writes through {@link #put} (so it is watched). */
    private final class WritingEntry extends AbstractMap.SimpleEntry<Object, Object> {

        WritingEntry(Object key, Object value) {
            super(key, value);
        }

        @Override
        public Object setValue(Object value) {
            put(getKey(), value);
            return super.setValue(value);
        }
    }
}
