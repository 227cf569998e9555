package nl.koers.app.tracking;

import java.util.Optional;
import java.util.function.Supplier;

import nl.koers.tracking.kpi.Kpi;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots a KPI from the state kept in memory ({@link KpiRepository}) once the commit that crossed the threshold is
 * done, in the committing thread: the state just stored, serialized once. Axon's snapshotter reads the events since
 * the last snapshot back from the store and replays them (a third of the command writers' CPU at 100 events a
 * snapshot); it still does when the KPI is not kept. A snapshot only speeds up loading a KPI, so one that fails is
 * logged and the next one is taken at the next threshold.
 */
final class KeptKpiSnapshotter implements Snapshotter {

    private static final Logger log = LoggerFactory.getLogger(KeptKpiSnapshotter.class);

    private final Supplier<KpiRepository> kpis;
    private final Snapshotter replaying;
    private final EventStore eventStore;
    private final TransactionManager transactions;

    /**
     * @param kpis      the repository keeping the KPIs, built after this snapshotter
     * @param replaying the snapshotter for a KPI not kept
     */
    KeptKpiSnapshotter(Supplier<KpiRepository> kpis, Snapshotter replaying, EventStore eventStore,
                       TransactionManager transactions) {
        this.kpis = kpis;
        this.replaying = replaying;
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String kpiKey) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().phase().isBefore(UnitOfWork.Phase.COMMIT)) {
            CurrentUnitOfWork.get().afterCommit(committed -> snapshot(aggregateType, kpiKey));
        } else {
            snapshot(aggregateType, kpiKey);
        }
    }

    private void snapshot(Class<?> aggregateType, String kpiKey) {
        Optional<DomainEventMessage<Kpi>> kept = kpis.get().snapshotOfKept(kpiKey);
        if (kept.isEmpty()) {
            replaying.scheduleSnapshot(aggregateType, kpiKey);
            return;
        }
        try {
            transactions.executeInTransaction(() -> eventStore.storeSnapshot(kept.get()));
        } catch (RuntimeException e) {
            log.warn("No snapshot of KPI {} at version {}; the next threshold takes one", kpiKey,
                    kept.get().getSequenceNumber(), e);
        }
    }
}
