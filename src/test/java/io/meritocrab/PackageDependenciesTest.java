package io.meritocrab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph as the README's layout describes it: no two packages import each other, the core
 * (ledger, scoring policy, evaluation results) sits below the use cases that change it, and the edges
 * (JAX-RS, Faces, sign-in, startup checks) sit on top where nothing below imports them.
 */
class PackageDependenciesTest {

    private static final String[] FOUNDATION = {"io.meritocrab.platform..", "io.meritocrab.metrics.."};
    private static final String[] CORE = {"io.meritocrab.ledger..", "io.meritocrab.scoring..",
            "io.meritocrab.evaluation"};
    private static final String[] EDGES = {"io.meritocrab.intake..", "io.meritocrab.admin..",
            "io.meritocrab.console..", "io.meritocrab.login..", "io.meritocrab.startup..",
            "io.meritocrab.application.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.meritocrab");
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.meritocrab.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCoreImportsOnlyTheCoreAndTheFoundation() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(projectPackagesOutside(CORE))
                .check(classes);
    }

    @Test
    void theFoundationImportsNoFeature() {
        noClasses().that().resideInAnyPackage(FOUNDATION)
                .should().dependOnClassesThat().resideInAnyPackage(projectPackagesOutside(FOUNDATION))
                .check(classes);
    }

    @Test
    void nothingBelowTheEdgesImportsThem() {
        noClasses().that().resideOutsideOfPackages(EDGES)
                .should().dependOnClassesThat().resideInAnyPackage(EDGES)
                .check(classes);
    }

    /** Every package of the server except the given ones and the foundation. */
    private static String[] projectPackagesOutside(String[] allowed) {
        return java.util.Arrays.stream(new String[] {"access", "admin", "application", "assessment", "commands", "console",
                        "events", "gate", "github", "inbox", "intake", "login", "maintainer", "outbox",
                        "importing", "processing", "standing", "appeals", "ratelimit", "redelivery", "repoconfig", "repos", "sanctions", "startup", "unlock", "history", "shared", "duplicates",
                        "evaluation.llm", "evaluation.rules", "ledger", "scoring", "evaluation"})
                .map(name -> "io.meritocrab." + name + (name.equals("evaluation") ? "" : ".."))
                .filter(pkg -> java.util.Arrays.stream(allowed).noneMatch(pkg::equals))
                .toArray(String[]::new);
    }
}
