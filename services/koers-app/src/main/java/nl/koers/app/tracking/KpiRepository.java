package nl.koers.app.tracking;

import java.util.Objects;

import nl.koers.tracking.kpi.Kpi;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The KPIs, kept in memory between commands ({@link RecentlyUsed}), so that a reading replays nothing. A kept KPI is
 * used only while the event store holds no later event of it: another instance on the same database may have
 * appended to it meanwhile, and then it is loaded afresh (one indexed lookup of the KPI's last sequence number,
 * in the command's transaction). A command whose unit of work rolls back, a lost concurrent append among them,
 * takes the KPI out of the cache, so its retry starts from the store.
 */
final class KpiRepository extends CachingEventSourcingRepository<Kpi> {

    private final Cache cache;
    private final JdbcClient jdbc;

    KpiRepository(EventSourcingRepository.Builder<Kpi> builder, Cache cache, JdbcClient jdbc) {
        super(builder.cache(cache));
        this.cache = cache;
        this.jdbc = jdbc;
    }

    @Override
    protected EventSourcedAggregate<Kpi> doLoadWithLock(String kpiKey, Long expectedVersion) {
        boolean kept = cache.containsKey(kpiKey);
        EventSourcedAggregate<Kpi> kpi = super.doLoadWithLock(kpiKey, expectedVersion);
        if (kept && !Objects.equals(kpi.version(), storedVersion(kpiKey))) {
            cache.remove(kpiKey);
            kpi = super.doLoadWithLock(kpiKey, expectedVersion);
        }
        return kpi;
    }

    private Long storedVersion(String kpiKey) {
        return jdbc.sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?")
                .param(kpiKey).query(Long.class).single();
    }
}
