package nl.koers.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The doors (HTTP, Kafka, notify) depend on api, rules, tracking, navigation and input, never on each other nor on
 * the application, which wires them; the modules below know neither. The Maven modules' dependencies already keep
 * it so; this says it where a new dependency in a pom would undo it.
 */
@AnalyzeClasses(packages = "nl.koers", importOptions = ImportOption.DoNotIncludeTests.class)
class DoorsArchitectureTest {

    private static final String HTTP = "nl.koers.http..";
    private static final String KAFKA = "nl.koers.kafka..";
    private static final String NOTIFY = "nl.koers.notify..";
    private static final String APP = "nl.koers.app..";

    @ArchTest
    static final ArchRule httpKnowsNoOtherDoor = door(HTTP, KAFKA, NOTIFY, APP);

    @ArchTest
    static final ArchRule kafkaKnowsNoOtherDoor = door(KAFKA, HTTP, NOTIFY, APP);

    @ArchTest
    static final ArchRule notifyKnowsNoOtherDoor = door(NOTIFY, HTTP, KAFKA, APP);

    @ArchTest
    static final ArchRule theModulesBelowKnowNoDoor = noClasses()
            .that().resideInAnyPackage("nl.koers.api..", "nl.koers.rules..", "nl.koers.tracking..",
                    "nl.koers.navigation..", "nl.koers.input..")
            .should().dependOnClassesThat().resideInAnyPackage(HTTP, KAFKA, NOTIFY, APP)
            .because("the doors and the application are built on them");

    private static ArchRule door(String door, String... unknown) {
        return noClasses().that().resideInAPackage(door)
                .should().dependOnClassesThat().resideInAnyPackage(unknown)
                .because("a door depends on api, rules, tracking, navigation and input; the application wires the doors");
    }
}
