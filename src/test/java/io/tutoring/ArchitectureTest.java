package io.tutoring;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the README's architecture section (and the lead's DESIGN.md), checked on the main classes:
 * features sit above {@code common} and {@code users} with no cycle between them, and HTTP statuses are a matter
 * of the classes that face HTTP (resources, exception mappers, pages), never of services.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tutoring");

    @Test
    void noCycleBetweenPackages() {
        slices().matching("io.tutoring.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(MAIN);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.tutoring.common..")
                .should().dependOnClassesThat(resideInAPackage("io.tutoring..")
                        .and(not(resideInAPackage("io.tutoring.common.."))))
                .check(MAIN);
    }

    @Test
    void usersDependOnlyOnCommon() {
        noClasses().that().resideInAPackage("io.tutoring.users..")
                .should().dependOnClassesThat(resideInAPackage("io.tutoring..")
                        .and(not(resideInAPackage("io.tutoring.common..")))
                        .and(not(resideInAPackage("io.tutoring.users.."))))
                .check(MAIN);
    }

    /** Services throw the domain failures of {@code common.failures}; only what faces HTTP speaks in statuses. */
    @Test
    void onlyResourcesMappersAndPagesUseHttpStatuses() {
        noClasses().that(not(FACING_HTTP))
                .should().dependOnClassesThat(assignableTo(WebApplicationException.class)
                        .or(assignableTo(Response.Status.class)))
                .because("services throw io.tutoring.common.failures exceptions, which one mapper per surface"
                        + " turns into answers")
                .check(MAIN);
    }

    /** A resource ({@code *Resource}), a page ({@code *Page}) or an exception mapper, nested classes included. */
    private static final DescribedPredicate<JavaClass> FACING_HTTP = DescribedPredicate.describe(
            "resources, exception mappers and pages", c -> {
                JavaClass top = c;
                while (top.getEnclosingClass().isPresent()) {
                    top = top.getEnclosingClass().get();
                }
                String name = top.getSimpleName();
                return name.endsWith("Resource") || name.endsWith("Page") || top.isAssignableTo(ExceptionMapper.class)
                        || top.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(ServerExceptionMapper.class));
            });
}
