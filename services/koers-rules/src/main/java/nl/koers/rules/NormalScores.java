package nl.koers.rules;

/**
 * Student's t turned into normal scores, for the self-starting CUSUM: Φ⁻¹(F(t; ν)). All in {@link StrictMath}, so the
 * seeded simulations give the same figures on every JVM.
 */
final class NormalScores {

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_TERMS = 300;

    private NormalScores() {
    }

    /** The normal score with the tail probability of {@code t} under Student's t with {@code df} degrees of freedom. */
    static double ofStudentT(double t, int df) {
        if (t == 0) {
            return 0;
        }
        // the tail beyond |t| directly, so that far tails keep their precision
        double tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2.0, 0.5);
        double z = inverseNormal(tail);
        return t < 0 ? z : -z;
    }

    /** Φ⁻¹(p): Wichura's algorithm AS 241 (PPND16), about 16 digits. */
    static double inverseNormal(double p) {
        double q = p - 0.5;
        if (StrictMath.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.0);
        }
        double r = StrictMath.sqrt(-StrictMath.log(q < 0 ? p : 1 - p));
        double z;
        if (r <= 5) {
            r -= 1.6;
            z = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
                    + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0);
        } else {
            r -= 5;
            z = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                    + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
                    + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1.0);
        }
        return q < 0 ? -z : z;
    }

    /** I_x(a, b), by the continued fraction of Numerical Recipes (betai / betacf). */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = StrictMath.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * StrictMath.log(x)
                + b * StrictMath.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        double c = 1;
        double d = nonZero(1 - (a + b) * x / (a + 1));
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MAX_TERMS; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / nonZero(1 + even * d);
            c = nonZero(1 + even / c);
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / nonZero(1 + odd * d);
            c = nonZero(1 + odd / c);
            double step = d * c;
            h *= step;
            if (StrictMath.abs(step - 1) < EPSILON) {
                break;
            }
        }
        return h;
    }

    private static double nonZero(double value) {
        return StrictMath.abs(value) < TINY ? TINY : value;
    }

    /** ln Γ(x) for x > 0: Lanczos' approximation (g = 7, nine terms). */
    static double logGamma(double x) {
        if (x < 0.5) {
            return StrictMath.log(Math.PI / StrictMath.abs(StrictMath.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double shifted = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (shifted + i);
        }
        double t = shifted + 7.5;
        return 0.5 * StrictMath.log(2 * Math.PI) + (shifted + 0.5) * StrictMath.log(t) - t + StrictMath.log(sum);
    }
}
