package io.meritocrab.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The application lists its resources instead of letting the server scan for them (Payara would also
 * serve the MicroProfile Rest Client interfaces), so a resource or provider left off the list is simply
 * not there: every one must be listed, and no client interface may be.
 */
class MeritocrabApplicationTest {

    private final Set<Class<?>> listed = new MeritocrabApplication().getClasses();

    @Test
    void everyResourceAndProviderClassIsListed() {
        Set<String> annotated = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.meritocrab").stream()
                .filter(type -> !type.isInterface())
                .filter(type -> type.isAnnotatedWith(Path.class) || type.isAnnotatedWith(Provider.class))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());

        assertThat(annotated).isNotEmpty();
        assertThat(listed.stream().map(Class::getName).collect(Collectors.toSet())).containsAll(annotated);
    }

    @Test
    void noClientInterfaceIsServed() {
        assertThat(listed).noneMatch(Class::isInterface);
    }
}
