package nl.koers.tracking.signal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as a signal's sentence shows them: two decimals, or three significant digits below 1, without trailing
 * zeros. The evidence keeps them exact.
 */
public final class Figures {

    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_EVEN);

    private Figures() {
    }

    public static String show(BigDecimal value) {
        BigDecimal rounded = value.abs().compareTo(BigDecimal.ONE) >= 0
                ? value.setScale(2, RoundingMode.HALF_EVEN)
                : value.round(THREE_DIGITS);
        return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
    }
}
