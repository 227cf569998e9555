package nl.koers.http.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import nl.koers.app.KoersApplication;
import nl.koers.app.OwnDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a real port and a database of its own, with people signing in through a {@link
 * LocalOidcIssuer}; test classes with this annotation share it. Requests go through {@link Client}, with the
 * credentials each test chooses.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "koers.signals.sweep-initial-delay=PT1H")
@ContextConfiguration(initializers = {OwnDatabaseInitializer.class, LocalOidcIssuer.Initializer.class})
@interface SecuredServiceTest {
}
