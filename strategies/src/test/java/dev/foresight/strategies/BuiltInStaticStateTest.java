package dev.foresight.strategies;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.foresight.strategies.baseline.RandomWalkProvider;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in plugins hold no mutable static state: what makes it safe to load the strategies
 * module once per JVM and share its classes between all tasks and all leakage checks (third-party
 * plugin classes are loaded afresh per task and per check instead; see dev.foresight.isolation).
 * A static field a plugin could fill in one fold — a cache, a memory of labels, a counter, a
 * singleton with a mutable field, a {@code ThreadLocal} — would otherwise carry it into the next
 * fold or into the check meant to catch it. Judged on the compiled classes of the module and on the
 * values their static initialisers store ({@link ImmutableStatics}).
 */
class BuiltInStaticStateTest {

    /**
     * Process-wide resources that hold no value computed from data, each with the reason it is
     * allowed. Kept short on purpose; every entry must name a field that exists.
     */
    static final Map<String, String> EXEMPT = Map.of(
            "dev.foresight.strategies.lstm.GemmLstmLayer.SLICE_THREADS",
            "a pool of daemon threads that run the column slices of one minibatch and are joined before the "
                    + "layer returns; threads carry nothing from one submission to the next (no built-in class "
                    + "holds a ThreadLocal, a rule below)",
            "dev.foresight.strategies.lstm.GemmLstmLayer.blasSingleThreaded",
            "mirrors a process-wide native setting (OpenBLAS's thread count, set to 1 once and never back): one "
                    + "bit of configuration, the same whatever data ran",
            "dev.foresight.strategies.lstm.GemmLstmLayer.threads",
            "where the slice count comes from (ND4J's thread count); swapped only by GemmLstmTest, since ND4J's "
                    + "own cannot change after start-up",
            "dev.foresight.strategies.tribuo.Quiet.TRIBUO",
            "a handle on java.util.logging's JVM-global 'org.tribuo' logger, held so that its WARNING level is "
                    + "not forgotten (loggers are held weakly); the class stores nothing in it");

    private static JavaClasses builtIns;

    @BeforeAll
    static void importModule() throws URISyntaxException {
        // this module's main classes only, wherever the build directory is
        Path main = Path.of(RandomWalkProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        builtIns = new ClassFileImporter().importPath(main);
    }

    private static ArchRule staticFieldsImmutable(Map<String, String> exempt) {
        return fields().that().areStatic().should(new ImmutableStatics(exempt))
                .because("built-in plugin classes are shared by every task and check of a run");
    }

    private static ArchRule noThreadLocals() {
        // by name too: library classes are not resolved (archunit.properties), so a subclass's
        // ancestry is unknown; any *ThreadLocal* type (InheritableThreadLocal, Netty's) counts
        return noClasses().should().dependOnClassesThat().areAssignableTo(ThreadLocal.class)
                .orShould().dependOnClassesThat().haveNameMatching(".*ThreadLocal.*")
                .because("a value a thread keeps outlives the computation that stored it");
    }

    @Test
    void builtInPlugins_holdNoMutableStaticState() {
        assertTrue(builtIns.size() > 100, "the strategies module's classes were imported: " + builtIns.size());
        EvaluationResult statics = staticFieldsImmutable(EXEMPT).evaluate(builtIns);
        assertFalse(statics.hasViolation(), () -> statics.getFailureReport().toString());
        EvaluationResult threadLocals = noThreadLocals().evaluate(builtIns);
        assertFalse(threadLocals.hasViolation(), () -> threadLocals.getFailureReport().toString());
    }

    @Test
    void exemptions_nameFieldsThatExist() {
        for (String field : EXEMPT.keySet()) {
            String owner = field.substring(0, field.lastIndexOf('.'));
            String name = field.substring(field.lastIndexOf('.') + 1);
            assertTrue(builtIns.contain(owner) && builtIns.get(owner).tryGetField(name).isPresent(),
                    "stale exemption: " + field);
        }
    }

    // --- the rule on look-alikes of what it must refuse, and of what it must let pass ---

    /** Mutable static state of the kinds a memoising or remembering plugin uses. */
    static final class Leaky {
        static long calls;
        static final Map<String, Double> CACHE = new HashMap<>();
        static final double[] WEIGHTS = {0.2, 0.8};
        static final AtomicLong COUNTER = new AtomicLong();
        static final List<List<Double>> NESTED = List.of(new ArrayList<>());
        static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[8]);
        static final Holder HOLDER = new Holder();
        static final Box BOX = new Box(new double[] {1});
        static final Singleton ONE = Singleton.INSTANCE;
    }

    static final class Holder {
        double last;
    }

    record Box(double[] values) {
    }

    enum Singleton {
        INSTANCE;
        int uses;
    }

    /** Immutable static state: constants, tables built once, records and enums of immutable parts. */
    static final class Clean {
        static final List<String> CHOICES = List.of("a", "b");
        static final Map<Integer, Double> SHRINK = Map.of(0, 1.0, 1, 0.5);
        static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile("\\d+");
        static final Range DEFAULT = new Range(1, 2, List.of("x"));
        static final Kind KIND = Kind.SLOW;
        static final IntSupplier CONSTANT = () -> 3;
        static final double[] NONE = {};
        static final LocalDate START = LocalDate.of(2000, 1, 3);
    }

    record Range(int from, int to, List<String> names) {
    }

    enum Kind {
        SLOW(2), FAST(1);
        private final int cost;

        Kind(int cost) {
            this.cost = cost;
        }
    }

    @Test
    void rule_refusesEachKindOfMutableStaticState() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(Leaky.class, Holder.class, Box.class, Singleton.class);
        EvaluationResult r = staticFieldsImmutable(Map.of()).evaluate(fixtures);
        String report = r.getFailureReport().toString();
        for (String field : List.of("calls", "CACHE", "WEIGHTS", "COUNTER", "NESTED", "SCRATCH", "HOLDER", "BOX",
                "ONE", "Singleton.INSTANCE")) {
            assertTrue(report.contains("$" + (field.contains(".") ? field : "Leaky." + field) + " "), field + ":\n" + report);
        }
        assertEquals(10, r.getFailureReport().getDetails().size(), report);
        assertTrue(noThreadLocals().evaluate(fixtures).hasViolation());
    }

    @Test
    void rule_acceptsImmutableTablesRecordsEnumsAndConstants() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(Clean.class, Range.class, Kind.class);
        EvaluationResult r = staticFieldsImmutable(Map.of()).evaluate(fixtures);
        assertFalse(r.hasViolation(), () -> r.getFailureReport().toString());
    }
}
