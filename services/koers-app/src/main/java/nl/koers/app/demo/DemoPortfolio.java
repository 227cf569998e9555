package nl.koers.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import nl.koers.api.MessageMetadata;
import nl.koers.api.kpi.DefineKpi;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.Lever;
import nl.koers.api.kpi.RecordReading;
import nl.koers.api.milestone.AchieveMilestone;
import nl.koers.api.milestone.PlanMilestone;
import nl.koers.api.milestone.UpdateMilestoneForecast;
import nl.koers.api.programme.DefineProgramme;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code --koers.demo=true}: on a store without programmes, loads a portfolio built from the US Federal IT Dashboard's
 * 2012 project records, through the same commands as any client (actor {@value #ACTOR}), once the service is ready.
 * Each investment becomes a programme (start: its earliest project's start, planned end: its latest planned
 * completion), each project a milestone starting on the project's start, due on its planned completion, with its
 * projected completion as forecast, and each investment with costs a KPI of its projected cost against the planned
 * cost. Signals follow from the commands as they would for any client: MILESTONE_SLIPPING where a forecast lies after
 * its due date, measured from the project's own start as the dashboard measures its schedule variance.
 * <p>
 * The portfolio lives in the present: every date of the export is shifted by one offset, so that the export's day
 * (the latest day a record was updated) lands on today by the injected {@link Clock}. One offset for all keeps every
 * duration, slip and variance as published. A project whose projected/actual completion lies before that day was
 * completed when the dashboard last reported it, and its milestone is achieved on that date; the rest are open, the
 * ones whose due date has passed overdue.
 */
@Component
@ConditionalOnProperty(name = "koers.demo", havingValue = "true")
public class DemoPortfolio implements DisposableBean {

    static final String ACTOR = "demo";
    static final String RECORDS = "demo/us-itdashboard-projects-2012.csv";
    static final String COST_KPI = "cost-overrun";
    private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);
    private static final int LOADERS = 8;

    /**
     * What was loaded: programmes, milestones (of which achieved) and cost KPIs; records skipped for want of dates;
     * commands refused; the days every date was shifted by.
     */
    public record Loaded(int programmes, int milestones, int achieved, int costKpis, int recordsSkipped, int refused,
                         long shiftedDays, Duration took) {
    }

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExecutorService loaders = Executors.newFixedThreadPool(LOADERS, runnable -> {
        Thread thread = new Thread(runnable, "koers-demo-loader");
        thread.setDaemon(true);
        return thread;
    });
    private final CompletableFuture<Loaded> loaded = new CompletableFuture<>();

    DemoPortfolio(CommandGateway commands, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Completes once the portfolio is loaded, or with nothing loaded when the store held programmes. */
    public CompletableFuture<Loaded> loaded() {
        return loaded;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenReady() {
        Thread thread = new Thread(() -> {
            try {
                loaded.complete(load());
            } catch (RuntimeException e) {
                log.error("The demo portfolio could not be loaded", e);
                loaded.completeExceptionally(e);
            }
        }, "koers-demo");
        thread.setDaemon(true);
        thread.start();
    }

    private Loaded load() {
        long started = System.nanoTime();
        if (jdbc.sql("select exists (select 1 from programme_directory)").query(Boolean.class).single()) {
            log.info("Demo portfolio not loaded: the store holds programmes already");
            return new Loaded(0, 0, 0, 0, 0, 0, 0, Duration.ZERO);
        }
        DashboardExport.Portfolio portfolio = records();
        log.info("Loading the demo portfolio: {} investments from {} IT Dashboard records; {} records skipped for want "
                + "of usable dates (no start, planned or projected completion, or planned to complete by its start)",
                portfolio.investments().size(), portfolio.records(), portfolio.skipped());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        long shiftedDays = ChronoUnit.DAYS.between(portfolio.exportedOn(), today);
        log.info("Demo portfolio: every date shifted by {} days, so that the export of {} lands on today, {}",
                shiftedDays, portfolio.exportedOn(), today);
        AtomicInteger milestones = new AtomicInteger();
        AtomicInteger achieved = new AtomicInteger();
        AtomicInteger costKpis = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Void>> programmes = new ArrayList<>();
        for (DashboardInvestment investment : portfolio.investments()) {
            programmes.add(CompletableFuture.runAsync(() -> {
                for (Object command : commands(investment.shiftedBy(shiftedDays), today)) {
                    if (!sent(command)) {
                        refused.incrementAndGet();
                    } else if (command instanceof PlanMilestone) {
                        milestones.incrementAndGet();
                    } else if (command instanceof AchieveMilestone) {
                        achieved.incrementAndGet();
                    } else if (command instanceof DefineKpi) {
                        costKpis.incrementAndGet();
                    }
                }
            }, loaders));
        }
        CompletableFuture.allOf(programmes.toArray(CompletableFuture[]::new)).join();
        Loaded done = new Loaded(portfolio.investments().size(), milestones.get(), achieved.get(), costKpis.get(),
                portfolio.skipped(), refused.get(), shiftedDays, Duration.ofNanos(System.nanoTime() - started));
        log.info("Demo portfolio loaded: {} programmes, {} milestones ({} achieved), {} cost KPIs in {} s ({} records "
                + "skipped, {} commands refused)", done.programmes(), done.milestones(), done.achieved(),
                done.costKpis(), done.took().toSeconds(), done.recordsSkipped(), done.refused());
        return done;
    }

    private static DashboardExport.Portfolio records() {
        try (InputStream csv = new ClassPathResource(RECORDS).getInputStream()) {
            return DashboardExport.read(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The commands that define one investment as a programme, in the order they must be sent; {@code exportedOn}: the
     * day the dashboard reported its projects.
     */
    static List<Object> commands(DashboardInvestment investment, LocalDate exportedOn) {
        String programmeId = programmeId(investment.id());
        List<Object> commands = new ArrayList<>();
        commands.add(new DefineProgramme(programmeId, text(investment.title(), investment.id()),
                "IT investment " + investment.id() + " of the US Federal IT Dashboard (2012 export).",
                text(investment.agency(), "unknown agency"), investment.start(), investment.plannedEnd(), List.of()));
        for (DashboardProject project : investment.projects()) {
            String milestoneId = milestoneId(project.projectId());
            commands.add(new PlanMilestone(programmeId, milestoneId, text(project.name(), "Project " + project.projectId()),
                    project.plannedCompletion(), project.start()));
            if (!project.projectedCompletion().equals(project.plannedCompletion())) {
                commands.add(new UpdateMilestoneForecast(programmeId, milestoneId, project.projectedCompletion(),
                        "Projected completion on the IT Dashboard"));
            }
            if (project.projectedCompletion().isBefore(exportedOn)) {
                commands.add(new AchieveMilestone(programmeId, milestoneId, project.projectedCompletion()));
            }
        }
        investment.costOverrunPercent().ifPresent(overrun -> {
            // a 10 % allowance over the planned cost at the start, narrowing to none at the planned end
            commands.add(new DefineKpi(programmeId, COST_KPI, "Projected cost over the planned cost", "%",
                    Direction.LOWER_IS_BETTER, BigDecimal.TEN, investment.start(), BigDecimal.ZERO,
                    investment.plannedEnd(), BigDecimal.valueOf(5), "P1M", null, Lever.NAVIGATION));
            commands.add(new RecordReading(programmeId, COST_KPI, "itdashboard-2012", overrun,
                    investment.lastUpdated().atStartOfDay(ZoneOffset.UTC).toInstant(), "IT Dashboard", null));
        });
        return commands;
    }

    static String programmeId(String investmentId) {
        return "itd-" + slug(investmentId);
    }

    static String milestoneId(String projectId) {
        return "project-" + slug(projectId);
    }

    private static String slug(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    private static String text(String value, String otherwise) {
        String text = value == null || value.isBlank() ? otherwise : value;
        return text.length() <= 200 ? text : text.substring(0, 200);
    }

    private boolean sent(Object command) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(MessageMetadata.ACTOR, ACTOR)));
            return true;
        } catch (RuntimeException e) {
            log.warn("Demo portfolio: {} refused: {}", command.getClass().getSimpleName(), e.getMessage());
            return false;
        }
    }

    @Override
    public void destroy() {
        loaders.shutdownNow();
    }
}
