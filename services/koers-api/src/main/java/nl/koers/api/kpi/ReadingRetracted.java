package nl.koers.api.kpi;

import nl.koers.api.ProgrammeEvent;

public record ReadingRetracted(String programmeId, String kpiId, String readingId, String reason) implements ProgrammeEvent {
}
