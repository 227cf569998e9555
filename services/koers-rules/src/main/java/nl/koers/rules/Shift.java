package nl.koers.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import nl.koers.api.signal.Severity;

/**
 * A sustained shift of a KPI's deviations (KPI_SHIFT), with the numbers behind it.
 *
 * @param direction        for the worse (WARNING) or the better (INFO)
 * @param rule             the rule that fired ({@value ShiftDetector#RULE})
 * @param statistic        the one-sided CUSUM of normal scores at the latest deviation
 * @param decisionInterval h: the CUSUM fires above it (in normal scores)
 * @param allowance        k: the score per reading the CUSUM ignores
 * @param mean             the mean of the usual level the latest deviation was scored against, in the KPI's unit
 *                         (fixed while the shift is open)
 * @param sigma            the usual level's standard deviation, in the KPI's unit
 * @param readings         how many deviations since the retarget the CUSUM scored
 * @param baselineReadings how many deviations make the usual level
 * @param xmr              the XmR centre line and limits for the latest deviation, for charts
 */
public record Shift(
        ShiftDirection direction,
        String rule,
        BigDecimal statistic,
        BigDecimal decisionInterval,
        BigDecimal allowance,
        BigDecimal mean,
        BigDecimal sigma,
        int readings,
        int baselineReadings,
        XmrLimits xmr) {

    public Severity severity() {
        return direction.severity();
    }

    /**
     * One sentence with the numbers that hold while the shift does, for the signal's explanation: the usual level
     * (frozen while the shift is open) and the decision interval, not the CUSUM's running value (in the evidence),
     * which moves with every reading and would rewrite the sentence each time (SignalEvidenceUpdated) while saying
     * nothing new.
     */
    public String explanation() {
        String way = direction == ShiftDirection.WORSENING ? "worse" : "better";
        return "The deviations from plan have shifted for the " + way + ", beyond what noise explains: a self-starting"
                + " CUSUM (k " + twoPlaces(allowance) + ") of each deviation's normal score against those before it"
                + " passed the decision interval of " + twoPlaces(decisionInterval) + "; the usual level, from "
                + baselineReadings + " earlier readings, is " + twoPlaces(mean) + " (σ " + twoPlaces(sigma) + ").";
    }

    private static String twoPlaces(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
