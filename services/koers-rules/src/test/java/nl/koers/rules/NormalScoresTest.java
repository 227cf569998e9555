package nl.koers.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Against SciPy's {@code norm.ppf(t.cdf(t, df))} (1.17), to 10 digits. */
class NormalScoresTest {

    @Test
    void studentTBecomesTheNormalScoreOfTheSameTail() {
        assertThat(NormalScores.ofStudentT(-2.0, 3)).isCloseTo(-1.4783057154924495, within(1e-10));
        assertThat(NormalScores.ofStudentT(2.5, 1)).isCloseTo(1.1694114889215776, within(1e-10));
        assertThat(NormalScores.ofStudentT(-10, 5)).isCloseTo(-3.758481645925263, within(1e-10));
        assertThat(NormalScores.ofStudentT(0.7, 30)).isCloseTo(0.6913900687199065, within(1e-10));
        assertThat(NormalScores.ofStudentT(0, 4)).isZero();
    }

    @Test
    void farTailsKeepTheirPrecision() {
        assertThat(NormalScores.ofStudentT(-40, 200)).isCloseTo(-20.94137523907609, within(1e-8));
        assertThat(NormalScores.ofStudentT(40, 200)).isCloseTo(20.94137523907609, within(1e-8));
    }

    @Test
    void inverseNormal() {
        assertThat(NormalScores.inverseNormal(0.025)).isCloseTo(-1.9599639845400545, within(1e-12));
        assertThat(NormalScores.inverseNormal(1e-12)).isCloseTo(-7.034483825301131, within(1e-10));
        assertThat(NormalScores.inverseNormal(0.5)).isZero();
    }
}
