package nl.koers.api.programme;

public record ProgrammeClosed(String programmeId, String reason) implements ProgrammeLifecycleEvent {
}
