package nl.koers.navigation.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A straight map from a range of values (or moments) onto a range of pixels, with round ticks to label it. */
record Scale(double from, double to, double start, double end) {

    static Scale ofTime(Instant from, Instant to, double start, double end) {
        return new Scale(from.getEpochSecond(), to.getEpochSecond(), start, end);
    }

    double at(double value) {
        return to == from ? (start + end) / 2 : start + (value - from) / (to - from) * (end - start);
    }

    double at(Instant moment) {
        return at(moment.getEpochSecond());
    }

    double at(LocalDate date) {
        return at(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    boolean contains(Instant moment) {
        return moment.getEpochSecond() >= Math.min(from, to) && moment.getEpochSecond() <= Math.max(from, to);
    }

    /** About {@code count} round values (1, 2, 2.5 or 5 times a power of ten apart) covering [min, max]. */
    static List<Double> ticks(double min, double max, int count) {
        double span = max > min ? max - min : Math.max(Math.abs(max), 1);
        double raw = span / count;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power * (raw / power <= 1 ? 1 : raw / power <= 2 ? 2 : raw / power <= 2.5 ? 2.5
                : raw / power <= 5 ? 5 : 10);
        List<Double> ticks = new ArrayList<>();
        for (double tick = Math.floor(min / step) * step; tick <= max + step * 0.999; tick += step) {
            ticks.add(Math.round(tick / step) * step);
        }
        return ticks;
    }

    /**
     * First days of months from {@code from} to {@code to}, 1, 2, 3, 6, 12, 24 or 60 months apart (the fewest that give
     * fewer than {@code most}), on round months (quarters on January, April...).
     */
    static List<LocalDate> months(LocalDate from, LocalDate to, int most) {
        long months = Math.max(1, from.withDayOfMonth(1).until(to, ChronoUnit.MONTHS));
        int step = 1;
        for (int candidate : new int[] {1, 2, 3, 6, 12, 24, 60}) {
            step = candidate;
            if (months / candidate < most) {
                break;
            }
        }
        List<LocalDate> ticks = new ArrayList<>();
        LocalDate tick = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        while (tick.getMonthValue() % step != 1 % step && step <= 12) {
            tick = tick.plusMonths(1);
        }
        for (; !tick.isAfter(to); tick = tick.plusMonths(step)) {
            ticks.add(tick);
        }
        return ticks;
    }
}
