package nl.koers.tracking.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.KpiDefined;
import nl.koers.api.kpi.KpiRetargeted;
import nl.koers.api.kpi.Lever;
import nl.koers.api.kpi.ReadingCorrected;
import nl.koers.api.kpi.ReadingRecorded;
import nl.koers.api.kpi.ReadingRetracted;

/**
 * The shift detector's walk that the KPI keeps between readings finds, after every event, the same shift (or none) as
 * a new walk over every reading since the latest retarget: on random series with level shifts, readings that arrive
 * out of measured order, corrections, retractions and retargets (some effective after readings measured later).
 */
class KpiShiftTrackTest {

    private static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

    @Test
    void theKeptWalkFindsWhatANewWalkFinds() {
        Random random = new Random(20261207);
        int compared = 0;
        int shifts = 0;
        for (int series = 0; series < 60; series++) {
            Kpi kpi = new Kpi();
            kpi.on(new KpiDefined("p", "k", "KPI", "%", Direction.HIGHER_IS_BETTER, new BigDecimal("100"),
                    LocalDate.of(2025, 1, 1), new BigDecimal("200"), LocalDate.of(2027, 6, 28), BigDecimal.TEN, "P1W",
                    null, Lever.PROCESS), START);
            List<String> ids = new ArrayList<>();
            Instant measured = START;
            Instant now = START;
            Instant retargeted = START;
            double level = 0;
            for (int step = 0; step < 300; step++) {
                double roll = random.nextDouble();
                now = now.plus(Duration.ofHours(1 + random.nextInt(200)));
                if (roll < 0.03 && !ids.isEmpty()) {
                    String id = ids.get(random.nextInt(ids.size()));
                    kpi.on(new ReadingCorrected("p", "k", id, value(random, level), BigDecimal.ONE, "recount"));
                } else if (roll < 0.05 && !ids.isEmpty()) {
                    kpi.on(new ReadingRetracted("p", "k", ids.remove(random.nextInt(ids.size())), "wrong"));
                } else if (roll < 0.06) {
                    // effective after the latest reading's measured time, or before it (readings measured later)
                    Instant effective = measured.plus(Duration.ofDays(random.nextInt(25) - 20));
                    retargeted = effective.isAfter(retargeted) ? effective : retargeted.plusSeconds(1);
                    kpi.on(new KpiRetargeted("p", "k", new BigDecimal(150 + random.nextInt(100)),
                            LocalDate.of(2027, 6, 28), BigDecimal.TEN, null, null, "replanned"), retargeted);
                } else {
                    if (random.nextDouble() < 0.02) {
                        level += random.nextGaussian() * 20;
                    }
                    measured = measured.plus(Duration.ofDays(7));
                    Instant at = random.nextDouble() < 0.05
                            ? measured.minus(Duration.ofDays(random.nextInt(60)))
                            : measured;
                    String id = "r" + step;
                    ids.add(id);
                    kpi.on(new ReadingRecorded("p", "k", id, value(random, level), at, "s", null),
                            at.isAfter(now) ? at : now);
                }
                if (random.nextDouble() < 0.9) { // now and then two events before the next reassessment
                    var kept = kpi.shift();
                    assertThat(kept).as("series %d step %d", series, step).isEqualTo(kpi.shiftFromScratch());
                    compared++;
                    shifts += kept.isPresent() ? 1 : 0;
                }
            }
        }
        assertThat(compared).isGreaterThan(15_000);
        assertThat(shifts).as("readings at which a shift was open").isGreaterThan(1_000);
    }

    private static BigDecimal value(Random random, double level) {
        return BigDecimal.valueOf(150 + level + random.nextGaussian() * 5).setScale(2, RoundingMode.HALF_EVEN);
    }
}
