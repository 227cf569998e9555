package nl.koers.navigation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each read model has its rows, views, tables, projection and fold: SQL stays in the tables and projections, and
 * what turns rows into views (the views, the folds, the report's sections) is plain Java a unit test can call.
 */
@AnalyzeClasses(packages = "nl.koers.navigation", importOptions = ImportOption.DoNotIncludeTests.class)
class ReadSideArchitectureTest {

    /** A class outside the tables, projections and their JDBC helpers, nested classes by the class they are in. */
    private static final DescribedPredicate<JavaClass> OUTSIDE_THE_TABLES = DescribedPredicate.describe(
            "outside the tables and projections", type -> {
                String name = outermost(type).getSimpleName();
                return !name.endsWith("Tables") && !name.endsWith("Projection") && !name.equals("Columns")
                        && !name.equals("ProjectionWrites");
            });

    @ArchTest
    static final ArchRule onlyTablesAndProjectionsTouchTheDatabase = noClasses()
            .that(OUTSIDE_THE_TABLES)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..")
            .because("SQL lives in a model's tables (package-private) and its projection; Columns and "
                    + "ProjectionWrites are the JDBC helpers they share");

    @ArchTest
    static final ArchRule viewsFoldsAndTheReportUseNoSpring = noClasses()
            .that().haveSimpleNameEndingWith("Views")
            .or().haveSimpleNameEndingWith("Fold")
            .or().haveSimpleNameEndingWith("Row")
            .or().resideInAPackage("..report..").and().doNotHaveSimpleName("SteeringReports")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..")
            .because("rows become views in plain Java, the same for today's tables and the as-of fold");

    private static JavaClass outermost(JavaClass type) {
        return type.getEnclosingClass().map(ReadSideArchitectureTest::outermost).orElse(type);
    }
}
