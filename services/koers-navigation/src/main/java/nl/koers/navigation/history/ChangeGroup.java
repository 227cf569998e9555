package nl.koers.navigation.history;

import static java.util.Map.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.evaluation.EvaluationOutcomeRecorded;
import nl.koers.api.evaluation.EvaluationScheduled;
import nl.koers.api.kpi.KpiDefined;
import nl.koers.api.kpi.KpiRetargeted;
import nl.koers.api.kpi.ReadingCorrected;
import nl.koers.api.kpi.ReadingRecorded;
import nl.koers.api.kpi.ReadingRetracted;
import nl.koers.api.milestone.MilestoneAchieved;
import nl.koers.api.milestone.MilestoneCancelled;
import nl.koers.api.milestone.MilestoneForecastUpdated;
import nl.koers.api.milestone.MilestonePlanned;
import nl.koers.api.milestone.MilestoneRebaselined;
import nl.koers.api.programme.ProgrammeClosed;
import nl.koers.api.programme.ProgrammeDefined;
import nl.koers.api.programme.ProgrammePaused;
import nl.koers.api.programme.ProgrammeResumed;
import nl.koers.api.signal.SignalAcknowledged;
import nl.koers.api.signal.SignalCleared;
import nl.koers.api.signal.SignalEvidenceUpdated;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalSeverityChanged;

/**
 * The group of {@link Changes} an event lands in, by its type. Every event type is named here, those of
 * {@link #OTHER} too, so a new type is a decision to make (the event coverage test asks for it), not a silent default.
 */
public enum ChangeGroup {
    READINGS, CORRECTIONS_AND_RETRACTIONS, MILESTONE_MOVES, DECISIONS,
    SIGNAL_RAISED, SIGNAL_SEVERITY_CHANGED, SIGNAL_UPDATED, SIGNAL_ACKNOWLEDGED, SIGNAL_CLEARED,
    OTHER;

    private static final Map<Class<? extends ProgrammeEvent>, ChangeGroup> BY_TYPE = Map.ofEntries(
            entry(ReadingRecorded.class, READINGS),
            entry(ReadingCorrected.class, CORRECTIONS_AND_RETRACTIONS),
            entry(ReadingRetracted.class, CORRECTIONS_AND_RETRACTIONS),
            entry(MilestoneForecastUpdated.class, MILESTONE_MOVES),
            entry(MilestoneRebaselined.class, MILESTONE_MOVES),
            entry(MilestoneAchieved.class, MILESTONE_MOVES),
            entry(MilestoneCancelled.class, MILESTONE_MOVES),
            entry(EvaluationOutcomeRecorded.class, DECISIONS),
            entry(SignalRaised.class, SIGNAL_RAISED),
            entry(SignalSeverityChanged.class, SIGNAL_SEVERITY_CHANGED),
            entry(SignalEvidenceUpdated.class, SIGNAL_UPDATED),
            entry(SignalAcknowledged.class, SIGNAL_ACKNOWLEDGED),
            entry(SignalCleared.class, SIGNAL_CLEARED),
            entry(ProgrammeDefined.class, OTHER),
            entry(ProgrammePaused.class, OTHER),
            entry(ProgrammeResumed.class, OTHER),
            entry(ProgrammeClosed.class, OTHER),
            entry(KpiDefined.class, OTHER),
            entry(KpiRetargeted.class, OTHER),
            entry(MilestonePlanned.class, OTHER),
            entry(EvaluationScheduled.class, OTHER));

    public static ChangeGroup of(Class<? extends ProgrammeEvent> type) {
        ChangeGroup group = BY_TYPE.get(type);
        if (group == null) {
            throw new IllegalArgumentException("No group of changes for " + type.getName());
        }
        return group;
    }

    /** The entries recorded in [from, to), grouped; {@code escalation}: whether a severity change raised it. */
    static Changes group(Instant from, Instant to, List<HistoryEntry> entries, Predicate<HistoryEntry> escalation) {
        Map<ChangeGroup, List<HistoryEntry>> groups = new EnumMap<>(ChangeGroup.class);
        List<HistoryEntry> escalated = new ArrayList<>();
        List<HistoryEntry> deescalated = new ArrayList<>();
        for (ChangeGroup group : values()) {
            groups.put(group, new ArrayList<>());
        }
        for (HistoryEntry entry : entries) {
            ChangeGroup group = of(entry.eventType());
            if (group == SIGNAL_SEVERITY_CHANGED) {
                (escalation.test(entry) ? escalated : deescalated).add(entry);
            } else {
                groups.get(group).add(entry);
            }
        }
        return new Changes(from, to, groups.get(READINGS), groups.get(CORRECTIONS_AND_RETRACTIONS),
                groups.get(MILESTONE_MOVES), groups.get(DECISIONS), new Changes.SignalChanges(groups.get(SIGNAL_RAISED),
                escalated, deescalated, groups.get(SIGNAL_UPDATED), groups.get(SIGNAL_ACKNOWLEDGED),
                groups.get(SIGNAL_CLEARED)), groups.get(OTHER));
    }
}
