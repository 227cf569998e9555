package nl.koers.navigation.signal;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import nl.koers.api.signal.Severity;

/** How signals are ordered and counted, the same for today's table and the as-of fold. */
public final class SignalViews {

    /** Newest first, as every list of signals shows them. */
    static final Comparator<SignalView> NEWEST_FIRST = Comparator.comparing(SignalView::raisedAt).reversed()
            .thenComparing(SignalView::id);

    private SignalViews() {
    }

    /** Every severity, each counted zero. */
    public static Map<Severity, Integer> zeroCounts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        return counts;
    }

    /** The given open signals counted by severity, every severity present. */
    public static Map<Severity, Integer> openCounts(List<SignalView> open) {
        Map<Severity, Integer> counts = zeroCounts();
        open.forEach(signal -> counts.merge(signal.severity(), 1, Integer::sum));
        return counts;
    }
}
