package nl.koers.tracking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain (aggregates, rules, the published language) stays plain Java and Axon: Spring lives in the application. */
@AnalyzeClasses(packages = {"nl.koers.tracking", "nl.koers.rules", "nl.koers.api"}, importOptions = ImportOption.DoNotIncludeTests.class)
class NoSpringInDomainTest {

    @ArchTest
    static final ArchRule domainDoesNotDependOnSpring = noClasses()
            .that().resideInAnyPackage("nl.koers.tracking..", "nl.koers.rules..", "nl.koers.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework.spring..")
            .because("the domain holds no Spring (STYLE.md)");
}
