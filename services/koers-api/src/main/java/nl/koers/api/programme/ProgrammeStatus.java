package nl.koers.api.programme;

public enum ProgrammeStatus {
    ACTIVE, PAUSED, CLOSED
}
