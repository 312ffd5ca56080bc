package fr.mediance.app.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * What the module graph cannot say about app-core: no scene graph, no Gluon, view models above the store,
 * background work through {@link BackgroundWork} only, no reflection, no console output.
 */
class ArchitectureTest {

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.mediance.app.core");

    /** The view models of app-core, their nested classes included, minus {@code except}. */
    private static DescribedPredicate<JavaClass> viewModels(Set<String> except) {
        return DescribedPredicate.describe(
                except.isEmpty() ? "view models" : "view models (except " + except + ")", c -> {
                    String outer = c.getName().replaceFirst("\\$.*", "");
                    return outer.startsWith("fr.mediance.app.core.")
                            && outer.endsWith("ViewModel")
                            && !except.contains(outer);
                });
    }

    @Test
    void app_core_knows_no_scene_graph() {
        ArchRule rule = noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
                .because("app-core is the client without a screen: javafx-base properties only");
        rule.check(CORE);
    }

    @Test
    void app_core_knows_no_gluon() {
        ArchRule rule = noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.gluonhq..")
                .because("Gluon Attach is wrapped by the app's platform adapters behind app-core's own ports");
        rule.check(CORE);
    }

    @Test
    void app_core_lives_in_its_own_package_and_never_reaches_into_the_app() {
        classes().should().resideInAPackage("fr.mediance.app.core..").check(CORE);
        noClasses()
                .should()
                .dependOnClassesThat(
                        resideInAPackage("fr.mediance.app..").and(resideOutsideOfPackage("fr.mediance.app.core..")))
                .because("the app depends on app-core, never the other way round")
                .check(CORE);
    }

    @Test
    void app_core_never_sees_the_server() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("fr.mediance.server..")
                .because("the client and the server share only the protocol")
                .check(CORE);
    }

    @Test
    void view_models_never_touch_the_store() {
        noClasses()
                .that(viewModels(Set.of()))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("fr.mediance.app.core.store..")
                .because("a view model works through its feature's service, which owns transactions and the outbox")
                .check(CORE);
    }

    @Test
    void view_models_work_in_the_background_only_through_background_work() {
        noClasses()
                .that(viewModels(Set.of()))
                .should()
                .callMethod(Executor.class, "execute", Runnable.class)
                .because("BackgroundWork delivers the result on the FX executor and logs an unexpected error once "
                        + "with context")
                .check(CORE);
    }

    @Test
    void view_models_never_catch_bugs() {
        classes()
                .that(viewModels(Set.of()))
                .should(notCatch(RuntimeException.class, Exception.class, Throwable.class))
                .because("an expected failure is an Outcome; a bug goes to BackgroundWork, which logs it and lets "
                        + "the screen say so, instead of turning it silently into \"save failed\"")
                .check(CORE);
    }

    @Test
    void services_and_infrastructure_never_reach_up_to_view_models() {
        noClasses()
                .that(DescribedPredicate.not(viewModels(Set.of())))
                .should()
                .dependOnClassesThat(viewModels(Set.of()))
                .because("view models sit on top: services, the store and sync know nothing of screens")
                .check(CORE);
    }

    @Test
    void the_store_knows_no_feature() {
        classes()
                .that()
                .resideInAPackage("fr.mediance.app.core.store..")
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("fr.mediance.app.core..")
                        .or(resideInAPackage("fr.mediance.app.core.store.."))
                        .or(resideInAPackage("fr.mediance.app.core")))
                .because("the encrypted store is infrastructure under every feature")
                .check(CORE);
    }

    @Test
    void the_platform_ports_and_the_remote_client_know_no_feature() {
        noClasses()
                .that()
                .resideInAnyPackage("fr.mediance.app.core.platform..", "fr.mediance.app.core.remote..")
                .should()
                .dependOnClassesThat(resideInAPackage("fr.mediance.app.core..")
                        .and(resideOutsideOfPackage("fr.mediance.app.core"))
                        .and(resideOutsideOfPackage("fr.mediance.app.core.store.."))
                        .and(resideOutsideOfPackage("fr.mediance.app.core.platform.."))
                        .and(resideOutsideOfPackage("fr.mediance.app.core.remote..")))
                .because("ports and the remote client are below the features (messages and the store's hashing "
                        + "are infrastructure they may use)")
                .check(CORE);
    }

    @Test
    void no_reflection_on_the_client() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.lang.reflect..")
                .because("the client is compiled to a native image: no reflection, adapters written by hand")
                .check(CORE);
    }

    @Test
    void the_core_logs_instead_of_printing() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("fr.mediance.app.core.tools..")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .orShould()
                .callMethod(Throwable.class, "printStackTrace")
                .because("the client logs through System.Logger (the command-line tools excepted)");
        rule.check(CORE);
    }

    /** No try/catch block in the class catches one of these types (a catch of a narrower type is fine). */
    static ArchCondition<JavaClass> notCatch(Class<?>... broad) {
        Set<String> names =
                java.util.Arrays.stream(broad).map(Class::getName).collect(java.util.stream.Collectors.toSet());
        return new ArchCondition<>("not catch " + names) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaCodeUnit unit : c.getCodeUnits()) {
                    for (TryCatchBlock block : unit.getTryCatchBlocks()) {
                        for (JavaClass caught : block.getCaughtThrowables()) {
                            if (names.contains(caught.getName())) {
                                events.add(SimpleConditionEvent.violated(
                                        c,
                                        unit.getFullName() + " catches " + caught.getSimpleName() + " "
                                                + block.getSourceCodeLocation()));
                            }
                        }
                    }
                }
            }
        };
    }
}
