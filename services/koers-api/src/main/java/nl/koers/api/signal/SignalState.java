package nl.koers.api.signal;

public enum SignalState {
    OPEN, ACKNOWLEDGED, CLEARED;

    /** Open in counts and health: OPEN or ACKNOWLEDGED. */
    public boolean isOpen() {
        return this != CLEARED;
    }
}
