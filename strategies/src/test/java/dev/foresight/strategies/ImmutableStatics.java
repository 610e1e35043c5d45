package dev.foresight.strategies;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The condition behind {@link BuiltInStaticStateTest}: a static field is final and what it holds is
 * deeply immutable, judged on the value the class initialiser actually stored (a {@code List}-typed
 * field may hold {@code List.of(...)} or an {@code ArrayList}; only the value tells). Immutable are:
 * strings, boxed primitives, big numbers, {@code java.time} values, classes, regex patterns; the
 * JDK's unmodifiable collections whose elements are immutable; enum constants and records whose
 * fields are; lambdas whose captured values are; and objects of Foresight's own classes whose every
 * instance field is final and immutable. Everything else — arrays, mutable collections, atomics,
 * {@code ThreadLocal}s, library objects the rule cannot see into — is mutable.
 *
 * <p>What it cannot see: a {@code Collections.unmodifiableList} view stays mutable through the list
 * it wraps, if that list escaped the initialiser (the rule accepts the view); state outside static
 * fields (system properties, files, a library's own statics).
 */
final class ImmutableStatics extends ArchCondition<JavaField> {

    private static final int MAX_DEPTH = 12;

    private final Map<String, String> exemptions;

    /** @param exemptions field ({@code pkg.Class.field}) → why it is allowed: each must exist */
    ImmutableStatics(Map<String, String> exemptions) {
        super("be final and hold a deeply immutable value");
        this.exemptions = Map.copyOf(exemptions);
    }

    @Override
    public void check(JavaField field, ConditionEvents events) {
        if (field.getModifiers().contains(JavaModifier.SYNTHETIC) || exemptions.containsKey(field.getFullName())) {
            return; // enum $VALUES, switch maps, $assertionsDisabled: the compiler's, never written by code
        }
        if (!field.getModifiers().contains(JavaModifier.FINAL)) {
            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is a static field that is not final"));
            return;
        }
        Field f = field.reflect();
        Object value;
        try {
            f.setAccessible(true);
            value = f.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " cannot be read (" + e + ")"));
            return;
        }
        String why = mutablePart(value, new IdentityHashMap<>(), 0);
        if (why != null) {
            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " holds mutable state: " + why));
        }
    }

    /** Null when {@code v} is deeply immutable; else what is mutable in it. */
    static String mutablePart(Object v, IdentityHashMap<Object, Boolean> seen, int depth) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Character || v instanceof Class<?>
                || v instanceof java.util.regex.Pattern) {
            return null;
        }
        Class<?> type = v.getClass();
        if (v instanceof Number) {
            return type.getName().startsWith("java.lang.") || v instanceof java.math.BigDecimal
                    || v instanceof java.math.BigInteger ? null : "a " + type.getName();
        }
        if (type.getPackageName().equals("java.time")) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            return "a structure nested deeper than " + MAX_DEPTH + " levels";
        }
        if (seen.put(v, Boolean.TRUE) != null) {
            return null;
        }
        if (type.isArray()) {
            return Array.getLength(v) == 0 ? null : "an array (its elements can be written)";
        }
        if (v instanceof Optional<?> o) {
            return mutablePart(o.orElse(null), seen, depth + 1);
        }
        String name = type.getName();
        if (name.startsWith("java.util.ImmutableCollections$") || name.startsWith("java.util.Collections$Unmodifiable")
                || name.startsWith("java.util.Collections$Empty") || name.startsWith("java.util.Collections$Singleton")) {
            Collection<?> elements = v instanceof Map<?, ?> m ? m.entrySet().stream()
                    .flatMap(e -> Stream.of(e.getKey(), e.getValue())).toList()
                    : v instanceof Collection<?> c ? c : null;
            if (elements == null) {
                return "a " + name;
            }
            for (Object e : elements) {
                String why = mutablePart(e, seen, depth + 1);
                if (why != null) {
                    return "an unmodifiable " + (v instanceof Map<?, ?> ? "map" : "collection") + " holding " + why;
                }
            }
            return null;
        }
        if (v instanceof Enum<?> || type.isRecord() || type.isHidden() || name.startsWith("dev.foresight.")) {
            return fieldsOf(v, seen, depth);
        }
        return "a " + name + " (not a kind known to be immutable)";
    }

    /** Every instance field of {@code v}'s class and superclasses (up to Object or Enum/Record) final and immutable. */
    private static String fieldsOf(Object v, IdentityHashMap<Object, Boolean> seen, int depth) {
        for (Class<?> k = v.getClass(); k != null && k != Object.class && k != Enum.class && k != Record.class;
             k = k.getSuperclass()) {
            if (!k.getName().startsWith("dev.foresight.") && !k.isHidden() && !k.isRecord()) {
                return "a " + v.getClass().getName() + " extending " + k.getName() + " (not a kind known to be immutable)";
            }
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                if (!Modifier.isFinal(f.getModifiers())) {
                    return "a " + v.getClass().getName() + " whose field " + f.getName() + " is not final";
                }
                Object value;
                try {
                    f.setAccessible(true);
                    value = f.get(v);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return "a " + v.getClass().getName() + " whose field " + f.getName() + " cannot be read (" + e + ")";
                }
                String why = mutablePart(value, seen, depth + 1);
                if (why != null) {
                    return "a " + v.getClass().getName() + " whose field " + f.getName() + " holds " + why;
                }
            }
        }
        return null;
    }
}
