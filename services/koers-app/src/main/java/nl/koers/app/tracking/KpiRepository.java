package nl.koers.app.tracking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import nl.koers.tracking.kpi.Kpi;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The KPIs, kept in memory between commands ({@link RecentlyUsed}), so that a reading replays nothing. A kept KPI is
 * used only while the event store holds no later event of it: another instance on the same database may have
 * appended to it meanwhile, and then it is loaded afresh. That is one indexed lookup of the KPI's last sequence number
 * in the command's transaction, or for a group of commands ({@link GroupCommit}) one lookup for all its KPIs, made
 * when the first of them is loaded. A command whose unit of work rolls back, a lost concurrent append among them,
 * takes the KPI out of the cache, so its retry starts from the store.
 */
final class KpiRepository extends CachingEventSourcingRepository<Kpi> {

    private static final String GROUP_VERSIONS = KpiRepository.class.getName() + ".groupVersions";

    private final Cache cache;
    private final EventStore eventStore;
    private final JdbcClient jdbc;

    KpiRepository(EventSourcingRepository.Builder<Kpi> builder, Cache cache, EventStore eventStore, JdbcClient jdbc) {
        super(builder.cache(cache));
        this.cache = cache;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    @Override
    protected EventSourcedAggregate<Kpi> doLoadWithLock(String kpiKey, Long expectedVersion) {
        boolean kept = cache.containsKey(kpiKey);
        EventSourcedAggregate<Kpi> kpi = super.doLoadWithLock(kpiKey, expectedVersion);
        if (kept && isStale(kpiKey, kpi.version())) {
            cache.remove(kpiKey);
            kpi = super.doLoadWithLock(kpiKey, expectedVersion);
        }
        return kpi;
    }

    /** The KPI's snapshot taken from its state kept in memory, when it is kept ({@link KeptKpiSnapshotter}). */
    Optional<DomainEventMessage<Kpi>> snapshotOfKept(String kpiKey) {
        if (!(cache.get(kpiKey) instanceof AggregateCacheEntry<?> entry)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        EventSourcedAggregate<Kpi> kpi = ((AggregateCacheEntry<Kpi>) entry)
                .recreateAggregate(aggregateModel(), eventStore, NoSnapshotTriggerDefinition.INSTANCE);
        if (kpi.isDeleted() || kpi.version() == null) {
            return Optional.empty();
        }
        return Optional.of(new GenericDomainEventMessage<>(kpi.type(), kpi.identifierAsString(), kpi.version(),
                kpi.getAggregateRoot()));
    }

    /**
     * Whether the store holds a later event of the kept KPI. In a group, the KPIs of all its commands are looked up
     * at once, and each is checked at its first load only: later in the group it holds what the group appended.
     */
    private boolean isStale(String kpiKey, Long keptVersion) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<String> group = root.getResource(GroupCommit.ROUTING_KEYS);
        if (group == null || !group.contains(kpiKey)) {
            return !Objects.equals(keptVersion, storedVersions(List.of(kpiKey)).get(kpiKey));
        }
        Map<String, Long> unchecked = root.getOrComputeResource(GROUP_VERSIONS, key -> storedVersions(group));
        return unchecked.containsKey(kpiKey) && !Objects.equals(keptVersion, unchecked.remove(kpiKey));
    }

    private Map<String, Long> storedVersions(List<String> kpiKeys) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.sql("""
                        select aggregate_identifier, max(sequence_number) from domain_event_entry
                        where aggregate_identifier = any(?) group by aggregate_identifier""")
                .param(kpiKeys.toArray(String[]::new))
                .query(rows -> {
                    versions.put(rows.getString(1), rows.getLong(2));
                });
        return versions;
    }
}
