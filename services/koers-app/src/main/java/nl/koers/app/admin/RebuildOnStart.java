package nl.koers.app.admin;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The rebuild from the command line: {@code java -jar koers.jar --koers.rebuild=true} starts the service, rebuilds
 * the read model, logs its progress every few seconds and exits when it is done (0) or fails (1).
 */
@Component
@ConditionalOnProperty(name = "koers.rebuild", havingValue = "true")
class RebuildOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildOnStart.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final ProjectionRebuild rebuild;
    private final ConfigurableApplicationContext context;

    RebuildOnStart(ProjectionRebuild rebuild, ConfigurableApplicationContext context) {
        this.rebuild = rebuild;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        int exitCode = 1;
        try {
            RebuildStatus status = rebuild.start();
            while (status.state() == RebuildStatus.State.RUNNING) {
                Thread.sleep(REPORT_EVERY.toMillis());
                status = rebuild.status();
                log.info("Rebuild: {} of {} events, {} a second", status.eventsDone(), status.eventsTotal(),
                        status.eventsPerSecond());
            }
            log.info("Rebuild done: {} events", status.eventsTotal());
            exitCode = 0;
        } finally {
            int code = exitCode;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }
}
