package nl.koers.notify;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalType;
import nl.koers.input.Caller;

/**
 * A URL subscribed to signal events, with its filters (no programmes or types: all of them) and how the messages are
 * written. {@code scope} is the programmes its creator could see (none: all): it never receives anything outside them.
 */
public record Subscription(
        UUID id,
        String url,
        Set<String> programmes,
        Severity minSeverity,
        Set<SignalType> types,
        Format format,
        String description,
        State state,
        String createdBy,
        Instant createdAt,
        Instant lastDeliveredAt,
        Instant failingSince,
        @JsonIgnore Set<String> scope) {

    public enum Format {
        /** JSON signed per the Standard Webhooks specification. */
        STANDARD,
        /** A Slack incoming webhook message. */
        SLACK,
        /** A Microsoft Teams (Workflows or incoming webhook) message with an Adaptive Card. */
        TEAMS
    }

    public enum State {
        ACTIVE, DISABLED
    }

    /** The programmes it may hear of: its filter, else its creator's scope; empty means every programme. */
    @JsonIgnore
    public Set<String> coveredProgrammes() {
        return programmes.isEmpty() ? scope : programmes;
    }

    /** A caller sees a subscription when it may see every programme the subscription may hear of. */
    public boolean visibleTo(Caller caller) {
        Set<String> covered = coveredProgrammes();
        return caller.programmes().isEmpty() || !covered.isEmpty() && caller.programmes().containsAll(covered);
    }

    /**
     * Whether this subscription hears of a kind of signal event: a chat (SLACK, TEAMS) hears of no
     * {@code signal.updated}, which comes with many readings of an off-plan KPI; people see the current sentence in
     * the report and on the dashboards, and a chat message when the signal's severity or state changes.
     */
    public boolean hearsOf(SignalEventKind kind) {
        return kind != SignalEventKind.UPDATED || format == Format.STANDARD;
    }

    /** Whether a signal event recorded {@code at} about this signal goes to this subscription. */
    public boolean receives(String programmeId, SignalType type, Severity severity, Instant at) {
        Set<String> covered = coveredProgrammes();
        return state == State.ACTIVE && !at.isBefore(createdAt)
                && (covered.isEmpty() || covered.contains(programmeId))
                && (types.isEmpty() || types.contains(type))
                && severity.compareTo(minSeverity) >= 0;
    }
}
