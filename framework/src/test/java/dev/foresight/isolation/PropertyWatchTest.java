package dev.foresight.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A system property written by an isolated plugin class is recorded against its loader and reported. */
class PropertyWatchTest {

    /** Plugin code that writes a system property (loaded afresh by an IsolatedLoader in the test). */
    public static final class Writer implements Runnable {
        @Override
        public void run() {
            System.setProperty("foresight.test.memory", "0.0125");
        }
    }

    @Test
    void propertyWrittenByAnIsolatedClass_isReportedAsAStaticStateChange() throws Exception {
        PropertyWatch.install();
        URL root = Writer.class.getProtectionDomain().getCodeSource().getLocation();
        IsolatedLoader loader = new IsolatedLoader("task", getClass().getClassLoader(),
                new URLClassLoader(new URL[] {root}, null), Set.of());
        Class<?> fresh = Class.forName(Writer.class.getName(), true, loader);
        assertEquals(loader, fresh.getClassLoader());
        ((Runnable) fresh.getDeclaredConstructor().newInstance()).run();
        // the application's own writes are not the plugin's
        System.setProperty("foresight.test.framework", "1");
        List<StaticState.Change> changes = StaticState.changes(loader, PluginClassPath.none(getClass().getClassLoader()));
        assertEquals(1, changes.size(), changes.toString());
        assertTrue(changes.get(0).describe().startsWith(Writer.class.getName() + " wrote system property "
                + "'foresight.test.memory'"), changes.get(0).describe());
        assertEquals("0.0125", System.getProperty("foresight.test.memory"), "the write itself goes through");
        System.clearProperty("foresight.test.memory");
        System.clearProperty("foresight.test.framework");
    }

    /** Plugin code that removes a system property through {@code keySet()}. */
    public static final class KeySetRemover implements Runnable {
        @Override
        public void run() {
            System.getProperties().keySet().remove("foresight.test.view");
        }
    }

    /** Plugin code that writes a system property's value through an entry of {@code entrySet()}. */
    public static final class EntrySetter implements Runnable {
        @Override
        public void run() {
            System.getProperties().entrySet().stream().filter(e -> e.getKey().equals("foresight.test.view"))
                    .forEach(e -> e.setValue("0.0125"));
        }
    }

    /** Plugin code that removes a system property through {@code values().removeIf}. */
    public static final class ValuesRemover implements Runnable {
        @Override
        public void run() {
            System.getProperties().values().removeIf("planted"::equals);
        }
    }

    /** Plugin code that removes a system property through the entry set's iterator. */
    public static final class IteratorRemover implements Runnable {
        @Override
        public void run() {
            var it = System.getProperties().entrySet().iterator();
            while (it.hasNext()) {
                if (it.next().getKey().equals("foresight.test.view")) {
                    it.remove();
                }
            }
        }
    }

    @Test
    void propertyWrittenThroughAView_isReportedLikeAnyWrite() throws Exception {
        PropertyWatch.install();
        URL root = Writer.class.getProtectionDomain().getCodeSource().getLocation();
        for (Class<?> writer : List.of(KeySetRemover.class, EntrySetter.class, ValuesRemover.class, IteratorRemover.class)) {
            System.setProperty("foresight.test.view", "planted");
            IsolatedLoader loader = new IsolatedLoader("task", getClass().getClassLoader(),
                    new URLClassLoader(new URL[] {root}, null), Set.of());
            Class<?> fresh = Class.forName(writer.getName(), true, loader);
            ((Runnable) fresh.getDeclaredConstructor().newInstance()).run();
            assertTrue(!"planted".equals(System.getProperty("foresight.test.view")), writer + ": the write goes through");
            List<StaticState.Change> changes = StaticState.changes(loader, PluginClassPath.none(getClass().getClassLoader()));
            assertEquals(1, changes.size(), writer + ": " + changes);
            assertTrue(changes.get(0).describe().startsWith(writer.getName() + " wrote system property "
                    + "'foresight.test.view'"), changes.get(0).describe());
            System.clearProperty("foresight.test.view");
        }
    }

    @Test
    void viewsOfTheWatch_readAndWriteLikeProperties() {
        PropertyWatch.install();
        System.setProperty("foresight.test.a", "1");
        System.setProperty("foresight.test.b", "2");
        var props = System.getProperties();
        assertTrue(props.keySet().contains("foresight.test.a"));
        assertTrue(props.values().contains("2"));
        assertEquals(props.size(), props.keySet().size());
        assertEquals(props.size(), props.entrySet().size());
        assertTrue(props.entrySet().stream().anyMatch(e -> e.getKey().equals("foresight.test.b") && e.getValue().equals("2")));
        props.keySet().removeIf(k -> k.equals("foresight.test.a"));
        props.entrySet().stream().filter(e -> e.getKey().equals("foresight.test.b")).forEach(e -> e.setValue("3"));
        assertEquals(null, System.getProperty("foresight.test.a"));
        assertEquals("3", System.getProperty("foresight.test.b"));
        assertTrue(props.stringPropertyNames().contains("foresight.test.b"));
        System.clearProperty("foresight.test.b");
    }
}
