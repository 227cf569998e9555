package nl.koers.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication(scanBasePackages = "nl.koers")
@ConfigurationPropertiesScan("nl.koers")
@EnableScheduling
public class KoersApplication {

    public static void main(String[] args) {
        // a backend must not phone home: Axon's update checker stays off
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(KoersApplication.class, args);
    }
}
