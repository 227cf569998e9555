package nl.koers.api.signal;

import java.util.Locale;
import java.util.Optional;

import nl.koers.api.kpi.KpiKey;

/**
 * A signal's id names its subject, its type and which raise of that type on that subject it is, for example
 * {@code digital-permits.kpi.lead-time.kpi_off_plan.2}. Slugs hold no dots, so the id can be read back, and it
 * tells which aggregate owns the signal: the KPI for KPI signals, the programme for all others.
 */
public record SignalId(Subject subject, SignalType type, int raise) {

    public static SignalId of(Subject subject, SignalType type, int raise) {
        return new SignalId(subject, type, raise);
    }

    public static Optional<SignalId> parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\.", -1);
        if (parts.length != 5) {
            return Optional.empty();
        }
        try {
            Subject.Kind kind = Subject.Kind.valueOf(parts[1].toUpperCase(Locale.ROOT));
            SignalType type = SignalType.valueOf(parts[3].toUpperCase(Locale.ROOT));
            int raise = Integer.parseInt(parts[4]);
            if (parts[0].isEmpty() || parts[2].isEmpty() || raise < 1) {
                return Optional.empty();
            }
            return Optional.of(new SignalId(new Subject(kind, parts[2], parts[0]), type, raise));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The identifier of the aggregate that raises, acknowledges and clears this signal. */
    public String ownerAggregateId() {
        return subject.kind() == Subject.Kind.KPI ? KpiKey.of(subject.programmeId(), subject.id()) : subject.programmeId();
    }

    @Override
    public String toString() {
        return String.join(".", subject.programmeId(), subject.kind().name().toLowerCase(Locale.ROOT), subject.id(),
                type.name().toLowerCase(Locale.ROOT), Integer.toString(raise));
    }
}
