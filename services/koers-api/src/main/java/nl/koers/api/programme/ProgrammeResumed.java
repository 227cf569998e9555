package nl.koers.api.programme;

public record ProgrammeResumed(String programmeId, String reason) implements ProgrammeLifecycleEvent {
}
