package nl.koers.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nl.koers.api.kpi.KpiDefined;

/**
 * The plan of a KPI over time: straight from (baseline date, baseline value) to (target date, target value), in
 * fractional days of UTC time; the baseline value before the baseline date, the target value after the target date.
 * Each retarget starts a new straight segment at its effective moment, from the plan value there to the new target.
 */
public final class PlanLine {

    private final BigDecimal baseline;
    private final Instant baselineAt;
    /** In effective order; the first starts at the baseline date, each later one at its retarget's effective moment. */
    private final List<Segment> segments;

    private PlanLine(BigDecimal baseline, Instant baselineAt, List<Segment> segments) {
        this.baseline = baseline;
        this.baselineAt = baselineAt;
        this.segments = List.copyOf(segments);
    }

    /** The plan line of a KPI defined with {@code baseline} on {@code baselineDate} heading for {@code target}. */
    public static PlanLine of(BigDecimal baseline, LocalDate baselineDate, Target target, List<Retarget> retargets) {
        Objects.requireNonNull(baseline, "baseline");
        if (!target.date().isAfter(baselineDate)) {
            throw new IllegalArgumentException("target date " + target.date() + " must be after the baseline date " + baselineDate);
        }
        Instant baselineAt = Days.startOf(baselineDate);
        List<Segment> segments = new ArrayList<>();
        segments.add(new Segment(baselineAt, baseline, target));
        retargets.stream()
                .sorted(Comparator.comparing(Retarget::effectiveAt))
                .forEach(retarget -> {
                    Segment previous = segments.get(segments.size() - 1);
                    segments.add(new Segment(retarget.effectiveAt(), previous.valueAt(retarget.effectiveAt()), retarget.target()));
                });
        return new PlanLine(baseline, baselineAt, segments);
    }

    public static PlanLine of(KpiDefined definition, List<Retarget> retargets) {
        Target target = new Target(definition.target(), definition.targetDate(), definition.tolerance());
        return of(definition.baseline(), definition.baselineDate(), target, retargets);
    }

    /** The plan value at {@code at}. */
    public BigDecimal valueAt(Instant at) {
        if (at.isBefore(baselineAt)) {
            return baseline;
        }
        return segmentAt(at).valueAt(at);
    }

    /** The tolerance in force at {@code at}: the definition's until the first retarget, then the latest retarget's. */
    public BigDecimal toleranceAt(Instant at) {
        return targetAt(at).tolerance();
    }

    /** The target in force at {@code at}. */
    public Target targetAt(Instant at) {
        return segmentAt(at).target();
    }

    /** The target of the latest segment: the one the KPI heads for now. */
    public Target currentTarget() {
        return segments.get(segments.size() - 1).target();
    }

    /** When the latest retarget took effect; empty when the KPI was never retargeted. */
    public Optional<Instant> latestRetargetAt() {
        return segments.size() == 1 ? Optional.empty() : Optional.of(currentSegmentStart());
    }

    /** When the latest segment started: the baseline date, or the effective moment of the latest retarget. */
    public Instant currentSegmentStart() {
        return segments.get(segments.size() - 1).start();
    }

    /**
     * The corners of the plan line, oldest first, for drawing it: where each segment starts and, when reached before
     * the next segment starts, its target date; each with the tolerance in force from there. Flat after the last one;
     * a retarget to a date already passed jumps, which a line drawn between the corners shows as a steep rise.
     */
    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            Instant end = Days.startOf(segment.target().date());
            BigDecimal tolerance = segment.target().tolerance();
            points.add(new Point(segment.start(), segment.valueAt(segment.start()), tolerance));
            boolean reachedBeforeNext = i == segments.size() - 1 || end.isBefore(segments.get(i + 1).start());
            if (end.isAfter(segment.start()) && reachedBeforeNext) {
                points.add(new Point(end, segment.target().value(), tolerance));
            }
        }
        return points;
    }

    /** The straight pieces of the plan line in effective order: the definition's, then one per retarget. */
    public List<Segment> segments() {
        return segments;
    }

    /** A corner of the plan line: its value at {@code at}, and the tolerance in force from there. */
    public record Point(Instant at, BigDecimal value, BigDecimal tolerance) {
    }

    private Segment segmentAt(Instant at) {
        Segment inForce = segments.get(0);
        for (Segment segment : segments) {
            if (segment.start().isAfter(at)) {
                break;
            }
            inForce = segment;
        }
        return inForce;
    }

    /** A straight piece of the plan from (start, startValue) to (target date, target value), flat after it. */
    public record Segment(Instant start, BigDecimal startValue, Target target) {

        BigDecimal valueAt(Instant at) {
            Instant end = Days.startOf(target.date());
            if (!at.isBefore(end)) {
                return target.value();
            }
            if (!at.isAfter(start)) {
                return startValue;
            }
            BigDecimal rise = target.value().subtract(startValue);
            // exact seconds, multiplied before dividing, so the one division is the only rounding
            BigDecimal elapsed = Days.secondsBetween(start, at);
            BigDecimal span = Days.secondsBetween(start, end);
            return startValue.add(Decimals.divide(rise.multiply(elapsed), span), Decimals.MATH);
        }
    }
}
