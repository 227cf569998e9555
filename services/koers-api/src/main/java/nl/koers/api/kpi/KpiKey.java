package nl.koers.api.kpi;

/**
 * A KPI's aggregate identifier: KPI ids are unique within their programme only, and slugs contain no slash,
 * so {@code programmeId/kpiId} never collides with a programme's own identifier in the event store.
 */
public final class KpiKey {

    private KpiKey() {
    }

    public static String of(String programmeId, String kpiId) {
        return programmeId + "/" + kpiId;
    }
}
