package dev.foresight;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.foresight.result.TaskResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The framework's packages form layers: no package may reach itself again through the packages it
 * uses. Read from the compiled classes (not the import lines), so a fully qualified name in code
 * counts as a dependency too — that is how the {@code result → leakage → evaluation → result} loop
 * once went unnoticed.
 */
class PackageCyclesTest {

    @Test
    void frameworkPackages_haveNoDependencyCycle() throws URISyntaxException {
        // Only this module's own main classes: its test classes (and the test-jar's fixtures) may
        // reach across packages freely; the build directory may be renamed (foresight.build.dir).
        Path mainClasses = Path.of(TaskResult.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses framework = new ClassFileImporter().importPath(mainClasses);

        // Every package is a slice of its own: data and data.csv are layers too.
        EvaluationResult cycles = slices().matching("dev.foresight.(**)").should().beFreeOfCycles().evaluate(framework);
        assertFalse(cycles.hasViolation(), () -> cycles.getFailureReport().toString());
    }
}
