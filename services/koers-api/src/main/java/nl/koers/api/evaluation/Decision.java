package nl.koers.api.evaluation;

public enum Decision {
    CONTINUE, ADJUST, PAUSE, STOP
}
