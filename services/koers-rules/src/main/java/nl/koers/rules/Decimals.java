package nl.koers.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** Decimal arithmetic shared by the rules, so that a value exactly on a band's edge lands where PRODUCT.md says. */
public final class Decimals {

    /** 16 significant digits, rounding half-even: enough for any KPI value, exact for the page's worked examples. */
    public static final MathContext MATH = MathContext.DECIMAL64;

    private Decimals() {
    }

    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, MATH);
    }

    public static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the mean of no values is undefined");
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return divide(sum, BigDecimal.valueOf(values.size()));
    }
}
