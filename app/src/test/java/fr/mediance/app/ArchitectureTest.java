package fr.mediance.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What the module graph cannot say about the JavaFX client: where Gluon, the store and reflection may appear. */
class ArchitectureTest {

    /** The app's own classes (app-core is checked by its own rules). */
    static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/fr/mediance/app/core/"))
            .importPackages("fr.mediance.app");

    @Test
    void the_app_was_imported() {
        org.assertj.core.api.Assertions.assertThat(APP.contain("fr.mediance.app.Main"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(APP.stream())
                .noneMatch(c -> c.getPackageName().startsWith("fr.mediance.app.core"));
    }

    /**
     * Gluon Attach only behind the platform adapters ({@code fr.mediance.app.platform}), which implement
     * app-core's ports with a desktop fallback each. The architecture also allows the shell, which needs none
     * today: widen this rule only for a class that really needs an Attach service the ports cannot give. Gluon Maps
     * (GPL-3.0 or Gluon's commercial licence) only behind our map component ({@code fr.mediance.app.map}), so that
     * another map library can replace it there alone.
     */
    @Test
    void gluon_only_in_the_platform_adapters() {
        noClasses()
                .that()
                .resideOutsideOfPackage("fr.mediance.app.platform..")
                .and()
                .resideOutsideOfPackage("fr.mediance.app.map..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.gluonhq..")
                .check(APP);
        noClasses()
                .that()
                .resideOutsideOfPackage("fr.mediance.app.map..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.gluonhq.maps..")
                .check(APP);
    }

    /** Views and the shell reach data through view models and services; only the composition root opens the store. */
    @Test
    void only_the_composition_root_opens_the_store() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(Main.class.getName())
                .and()
                .doNotHaveFullyQualifiedName(AppComposition.class.getName())
                .should()
                .dependOnClassesThat()
                .resideInAPackage("fr.mediance.app.core.store..")
                .check(APP);
    }

    @Test
    void no_fxml_and_no_reflection() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.fxml..", "java.lang.reflect..")
                .because("the client is compiled to a native image: views are built in code")
                .check(APP);
    }

    @Test
    void the_app_never_sees_the_server() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("fr.mediance.server..")
                .check(APP);
    }
}
