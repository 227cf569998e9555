package nl.koers.api.programme;

public record ProgrammePaused(String programmeId, String reason) implements ProgrammeLifecycleEvent {
}
