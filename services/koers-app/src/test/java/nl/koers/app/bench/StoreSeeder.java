package nl.koers.app.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.KpiDefined;
import nl.koers.api.kpi.KpiKey;
import nl.koers.api.kpi.ReadingRecorded;
import nl.koers.api.programme.ProgrammeDefined;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Fills the event store fast, without commands: serialized events appended in batches of 1,000 a transaction through
 * Axon's storage engine, as a store of many programmes holds them (their events interleaved). Every programme has 10
 * KPIs and daily readings near the plan line; one of them, {@value #AS_OF_PROGRAMME}, has 1,000 readings per KPI
 * (10,011 events), the others 98 (991 events).
 */
final class StoreSeeder {

    static final String AS_OF_PROGRAMME = "as-of";
    private static final int KPIS = 10;
    private static final int BATCH = 1_000;
    private static final LocalDate START = LocalDate.of(2023, 6, 1);

    private final EventStorageEngine storage;
    private final TransactionManager transactions;

    StoreSeeder(EventStorageEngine storage, TransactionManager transactions) {
        this.storage = storage;
        this.transactions = transactions;
    }

    /** About {@code events} events (whole programmes); answers how many were appended. */
    long seed(long events) {
        int others = (int) Math.max(0, (events - eventsOf(1_000)) / eventsOf(98));
        List<String> programmes = new ArrayList<>();
        programmes.add(AS_OF_PROGRAMME);
        for (int p = 0; p < others; p++) {
            programmes.add("seeded-" + p);
        }
        List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
        long appended = 0;
        for (int step = 0; step < eventsOf(1_000); step++) {
            for (String programme : programmes) {
                int readingsPerKpi = programme.equals(AS_OF_PROGRAMME) ? 1_000 : 98;
                if (step < eventsOf(readingsPerKpi)) {
                    batch.add(event(programme, step));
                }
                if (batch.size() == BATCH) {
                    appended += append(batch);
                }
            }
        }
        return appended + append(batch);
    }

    private long append(List<DomainEventMessage<?>> batch) {
        transactions.executeInTransaction(() -> storage.appendEvents(batch));
        int size = batch.size();
        batch.clear();
        return size;
    }

    private static int eventsOf(int readingsPerKpi) {
        return 1 + KPIS + KPIS * readingsPerKpi;
    }

    /** The programme's {@code step}th event: its definition, then its KPIs', then readings round the KPIs. */
    private static DomainEventMessage<?> event(String programmeId, int step) {
        if (step == 0) {
            return new GenericDomainEventMessage<>("Programme", programmeId, 0, new ProgrammeDefined(programmeId,
                    "Seeded " + programmeId, null, "bench", START, START.plusYears(5), List.of()));
        }
        if (step <= KPIS) {
            String kpiId = "k" + (step - 1);
            return new GenericDomainEventMessage<>("Kpi", KpiKey.of(programmeId, kpiId), 0, new KpiDefined(programmeId,
                    kpiId, "KPI " + kpiId, "n", Direction.HIGHER_IS_BETTER, BigDecimal.valueOf(100), START,
                    BigDecimal.valueOf(1100), START.plusDays(1_000), BigDecimal.TEN, "P1D", null, null));
        }
        int reading = step - KPIS - 1;
        String kpiId = "k" + reading % KPIS;
        int day = reading / KPIS;
        return new GenericDomainEventMessage<>("Kpi", KpiKey.of(programmeId, kpiId), day + 1, new ReadingRecorded(
                programmeId, kpiId, "d" + day, BigDecimal.valueOf(100 + day + (day % 7 - 3) / 2.0),
                START.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant(), "bench", null));
    }
}
