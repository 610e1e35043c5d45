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
}
