package nl.koers.rules;

import java.util.Collection;
import nl.koers.api.signal.Severity;

/** Programme health is the worst open severity: CRITICAL → RED, WARNING → AMBER, else GREEN. */
public final class ProgrammeHealth {

    private ProgrammeHealth() {
    }

    /** @param openSeverities the severities of the programme's open (OPEN or ACKNOWLEDGED) signals */
    public static Health of(Collection<Severity> openSeverities) {
        if (openSeverities.contains(Severity.CRITICAL)) {
            return Health.RED;
        }
        if (openSeverities.contains(Severity.WARNING)) {
            return Health.AMBER;
        }
        return Health.GREEN;
    }
}
