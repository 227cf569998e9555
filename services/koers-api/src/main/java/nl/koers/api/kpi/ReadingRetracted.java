package nl.koers.api.kpi;

public record ReadingRetracted(String programmeId, String kpiId, String readingId, String reason) implements KpiEvent {
}
