package nl.koers.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import nl.koers.api.signal.Severity;

/**
 * A sustained shift of a KPI's deviations (KPI_SHIFT), with the numbers behind it.
 *
 * @param direction        for the worse (WARNING) or the better (INFO)
 * @param rule             the rule that fired ({@value ShiftDetector#RULE})
 * @param statistic        the one-sided CUSUM at the latest deviation, in the KPI's unit
 * @param decisionInterval h: the CUSUM fires above it (h × σ, in the KPI's unit)
 * @param allowance        k: the drift per reading the CUSUM ignores (k × σ, in the KPI's unit)
 * @param mean             the mean of the baseline deviations the CUSUM measures from (fixed since the retarget)
 * @param sigma            the baseline's σ: its average moving range / 1.128
 * @param readings         how many of the latest deviations the CUSUM ran over
 * @param baselineReadings how many deviations since the retarget set the mean and σ
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
     * One sentence with the numbers that hold while the shift does, for the signal's explanation: the baseline and
     * the decision interval, not the CUSUM's running value (in the evidence), which moves with every reading and
     * would rewrite the sentence each time (SignalEvidenceUpdated) while saying nothing new.
     */
    public String explanation() {
        String way = direction == ShiftDirection.WORSENING ? "worse" : "better";
        return "The deviations from plan have shifted for the " + way + ", beyond what noise explains: a CUSUM measured"
                + " from the level of " + twoPlaces(mean) + " (σ " + twoPlaces(sigma) + ") of its baseline of "
                + baselineReadings + " readings passed the decision interval of " + twoPlaces(decisionInterval) + ".";
    }

    private static String twoPlaces(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
