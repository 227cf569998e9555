package nl.koers.rules;

import nl.koers.api.signal.Severity;


/** Which way a KPI's deviations shifted: for the worse (a WARNING) or for the better (INFO). */
public enum ShiftDirection {
    WORSENING(Severity.WARNING), IMPROVING(Severity.INFO);

    private final Severity severity;

    ShiftDirection(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
