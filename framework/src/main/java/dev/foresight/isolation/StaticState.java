package dev.foresight.isolation;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The static state of plugin classes, compared with a freshly initialised copy of the same class.
 * A plugin class whose static fields (or what they reference: maps, lists, arrays, counters, its
 * own objects) differ, after a task, from the class as a new loader initialises it, changed its
 * static state while computing — state that could carry a label or a full-history value from one
 * computation into another. An immutable static lookup table built by the class initialiser is
 * equal in both and passes.
 *
 * <p>Also reported: every system property a class of the task's loader wrote ({@link PropertyWatch}).
 *
 * <p>What it cannot see: objects of the JDK or of libraries other than collections, arrays, boxed
 * values and atomics are compared by class only (a {@code java.util.Random}'s seed, an ND4J
 * array's contents, a {@code ThreadLocal}'s values); state outside plugin classes and system
 * properties (files, a library's own static holders).
 */
public final class StaticState {

    private static final int MAX_DEPTH = 8;
    private static final String PROPERTY = "system property ";
    private static final int MAX_ELEMENTS = 100_000;

    /** A static field whose value differs from the freshly initialised class's. */
    public record Change(Class<?> owner, String field, String initially, String now) {

        public String describe() {
            if (field.startsWith(PROPERTY)) {
                return owner.getName() + " wrote " + field + " while the task ran (system properties outlive every "
                        + "class loader: what one fold stores there another fold or check can read)";
            }
            return "static field " + owner.getName() + "." + field + " changed while the task ran (" + initially
                    + " when the class is initialised, " + now + " after)";
        }
    }

    private StaticState() {
    }

    /**
     * The static fields of {@code loader}'s classes that differ from a pristine copy loaded and
     * initialised by a new loader of {@code path}. (A class the task loaded but never initialised
     * is initialised by the reading, and then equals its pristine copy.)
     */
    public static List<Change> changes(IsolatedLoader loader, PluginClassPath path) {
        List<Change> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (IsolatedLoader.PropertyWrite w : loader.propertyWrites()) {
            if (seen.add(w.writer().getName() + " " + w.key())) {
                out.add(new Change(w.writer(), PROPERTY + "'" + w.key() + "'", "", ""));
            }
        }
        IsolatedLoader pristine = null;
        for (Class<?> c : loader.definedClasses()) {
            List<Field> fields = watched(c);
            if (fields.isEmpty()) {
                continue;
            }
            if (pristine == null) {
                pristine = path.newLoader("pristine");
            }
            Class<?> fresh;
            try {
                fresh = Class.forName(c.getName(), true, pristine);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            for (Field f : fields) {
                Field g;
                try {
                    g = fresh.getDeclaredField(f.getName());
                } catch (NoSuchFieldException e) {
                    continue;
                }
                Object now = read(f);
                Object initially = read(g);
                if (fingerprint(now) != fingerprint(initially) && !lazilySet(initially, now)) {
                    out.add(new Change(c, f.getName(), summary(initially), summary(now)));
                }
            }
        }
        return out;
    }

    /** Static fields other than compile-time constants and the compiler's own (enum values, assertions). */
    private static List<Field> watched(Class<?> c) {
        List<Field> out = new ArrayList<>();
        Field[] declared;
        try {
            declared = c.getDeclaredFields();
        } catch (LinkageError e) {
            return out;
        }
        for (Field f : declared) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) || f.isSynthetic() || f.isEnumConstant()
                    || (Modifier.isFinal(m) && (f.getType().isPrimitive() || f.getType() == String.class))) {
                continue;
            }
            out.add(f);
        }
        return out;
    }

    /**
     * A lazily initialised constant or a once-only flag: {@code null} then an immutable value, or a
     * boolean {@code false} then {@code true} (e.g. "the native library was configured"), which
     * carries one bit and cannot grow into a memory.
     */
    private static boolean lazilySet(Object initially, Object now) {
        return initially == null && immutable(now)
                || Boolean.FALSE.equals(initially) && Boolean.TRUE.equals(now);
    }

    /**
     * A value that cannot change once published: a lazily initialised constant (null until first
     * use, then an immutable value) is allowed; a growing map or a counter is not.
     */
    private static boolean immutable(Object v) {
        if (v == null || v instanceof String || v instanceof Number && v.getClass().getName().startsWith("java.lang.")
                || v instanceof Boolean || v instanceof Enum<?>) {
            return true;
        }
        String n = v.getClass().getName();
        return n.startsWith("java.util.ImmutableCollections$") || n.startsWith("java.util.Collections$Unmodifiable")
                || n.startsWith("java.util.Collections$Empty") || n.startsWith("java.util.Collections$Singleton");
    }

    private static Object read(Field f) {
        try {
            f.setAccessible(true);
            return f.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "<unreadable: " + e.getClass().getSimpleName() + ">";
        }
    }

    static long fingerprint(Object value) {
        return new Hasher().hash(value, 0);
    }

    private static String summary(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?> m) {
            return "a map of " + m.size() + " entries";
        }
        if (v instanceof Collection<?> c) {
            return "a collection of " + c.size() + " elements";
        }
        if (v.getClass().isArray()) {
            return "an array of length " + Array.getLength(v);
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof CharSequence || v instanceof Enum<?>) {
            return String.valueOf(v);
        }
        if (v instanceof AtomicLong || v instanceof AtomicInteger
                || v instanceof AtomicBoolean
                || v instanceof AtomicReference<?>) {
            return v.getClass().getSimpleName() + " " + v;
        }
        return "a " + v.getClass().getSimpleName();
    }

    /** A structural 64-bit hash: equal for equal content, whatever the objects' identities. */
    private static final class Hasher {
        private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();

        long hash(Object v, int depth) {
            if (v == null) {
                return 0x9E3779B97F4A7C15L;
            }
            if (v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof String
                    || v instanceof Enum<?>) {
                return mix(v.getClass().getName().hashCode(), v.toString().hashCode());
            }
            if (v instanceof Class<?> c) {
                return mix(1, stableName(c).hashCode());
            }
            if (depth >= MAX_DEPTH || seen.put(v, Boolean.TRUE) != null) {
                return mix(2, v.getClass().getName().hashCode());
            }
            Class<?> type = v.getClass();
            if (type.isArray()) {
                int n = Array.getLength(v);
                long h = mix(type.getName().hashCode(), n);
                if (type.getComponentType().isPrimitive()) {
                    for (int i = 0; i < n; i++) {
                        h = mix(h, Array.get(v, i).hashCode());
                    }
                } else {
                    for (int i = 0; i < Math.min(n, MAX_ELEMENTS); i++) {
                        h = mix(h, hash(Array.get(v, i), depth + 1));
                    }
                }
                return h;
            }
            if (v instanceof Map<?, ?> m) {
                long h = mix(3, m.size());
                long sum = 0;
                int i = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    // order-free: a HashMap's iteration order is not part of its content
                    sum += mix(hash(e.getKey(), depth + 1), hash(e.getValue(), depth + 1));
                    if (++i >= MAX_ELEMENTS) {
                        break;
                    }
                }
                return mix(h, sum);
            }
            if (v instanceof Collection<?> c) {
                long h = mix(4, c.size());
                int i = 0;
                for (Object o : c) {
                    h = mix(h, hash(o, depth + 1));
                    if (++i >= MAX_ELEMENTS) {
                        break;
                    }
                }
                return h;
            }
            if (v instanceof Optional<?> o) {
                return mix(5, hash(o.orElse(null), depth + 1));
            }
            if (v instanceof AtomicLong || v instanceof AtomicInteger
                    || v instanceof AtomicBoolean
                    || v instanceof LongAdder
                    || v instanceof DoubleAdder) {
                return mix(6, v.toString().hashCode());
            }
            if (v instanceof AtomicReference<?> r) {
                return mix(7, hash(r.get(), depth + 1));
            }
            if (type.getClassLoader() instanceof IsolatedLoader && !type.isHidden()) {
                long h = mix(8, type.getName().hashCode());
                for (Class<?> k = type; k != null && k.getClassLoader() instanceof IsolatedLoader; k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers())) {
                            continue;
                        }
                        try {
                            f.setAccessible(true);
                            h = mix(h, hash(f.get(v), depth + 1));
                        } catch (ReflectiveOperationException | RuntimeException e) {
                            h = mix(h, 9);
                        }
                    }
                }
                return h;
            }
            return mix(10, stableName(type).hashCode());
        }

        /** A class's name, without the per-loader suffix of a lambda's hidden class. */
        private static String stableName(Class<?> c) {
            String n = c.getName();
            int lambda = n.indexOf("$$Lambda");
            return lambda < 0 ? n : n.substring(0, lambda) + "$$Lambda";
        }

        private static long mix(long h, long x) {
            long z = h * 0x9E3779B97F4A7C15L + x;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
