package dev.digits.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape the project keeps: no package that depends, directly or through others, on a package that depends on
 * it (every module's packages form layers), and no main source file over 400 lines.
 */
class ArchitectureTest {
    private static final int MAX_FILE_LINES = 400;

    @Test
    void noPackageIsInACycle() {
        // every digits class on this module's class path: the program, the library, the engine, the server, core,
        // api and the plugins that ship with it
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.digits");
        assertTrue(classes.size() > 300, "the digits classes were found: " + classes.size());
        slices().matching("dev.digits.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noMainSourceFileIsOver400Lines() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> tooLong = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/")).toList()) {
                files++;
                long lines = Files.readAllLines(f).size();
                if (lines > MAX_FILE_LINES) {
                    tooLong.add(root.relativize(f) + " (" + lines + " lines)");
                }
            }
        }
        assertTrue(files > 200, "the main sources were found under " + root + ": " + files);
        assertTrue(tooLong.isEmpty(), "main source files over " + MAX_FILE_LINES + " lines: " + tooLong);
    }
}
