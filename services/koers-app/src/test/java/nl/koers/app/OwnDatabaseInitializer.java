package nl.koers.app;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points an application context at a fresh database of the test JVM's PostgreSQL. */
public class OwnDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "koers.embedded-database.enabled=false",
                "spring.datasource.url=" + TestDatabase.newDatabase(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres"
        ).applyTo(context);
    }
}
