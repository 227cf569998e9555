package nl.koers.navigation.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import nl.koers.navigation.programme.EvaluationView;
import nl.koers.navigation.programme.KpiView;
import nl.koers.navigation.programme.ReadingView;
import nl.koers.navigation.programme.ReportFacts;
import nl.koers.rules.Days;
import nl.koers.rules.PlanLine;

/**
 * One KPI as known at the report's moment: its readings by measuredAt against the plan line and its tolerance band,
 * the forecast to the target date (with its bounds where the forecast has them), the evaluation moments and the
 * report's moment itself.
 */
final class KpiChart {

    static final String READINGS = "#1f4e79";
    static final String PLAN = "#2e7d32";
    static final String GRID = "#d9d9d9";
    static final String INK = "#333333";
    /** Beyond this many readings only the latest gets its status mark: the line says the rest. */
    private static final int MARKED_READINGS = 60;

    private final KpiView kpi;
    private final List<PlanLine.Point> plan;
    private final List<EvaluationView> evaluations;
    private final Instant at;
    private final Words words;
    private final boolean small;
    private final List<ReadingView> readings;

    KpiChart(ReportFacts.KpiPicture picture, List<EvaluationView> evaluations, Instant at, Words words, boolean small) {
        this.kpi = picture.kpi();
        this.plan = picture.plan();
        this.evaluations = evaluations;
        this.at = at;
        this.words = words;
        this.small = small;
        this.readings = kpi.readings().stream().filter(reading -> !reading.retracted()).toList();
    }

    Document.Figure figure() {
        double width = small ? 340 : 680;
        double height = small ? 210 : 262;
        double left = small ? 46 : 58;
        double top = small ? 32 : 36;
        double bottom = height - 26;
        double right = width - 14;
        Instant start = Stream.concat(Stream.of(plan.get(0).at()), readings.stream().map(ReadingView::measuredAt))
                .min(Instant::compareTo).orElseThrow();
        Instant end = Stream.of(Days.startOf(kpi.targetDate()), at,
                        readings.isEmpty() ? at : readings.get(readings.size() - 1).measuredAt())
                .max(Instant::compareTo).orElseThrow();
        end = end.plus(Duration.between(start, end).dividedBy(40));
        double[] bounds = bounds();
        List<Double> values = values(bounds);
        List<Double> ticks = Scale.ticks(values.stream().min(Double::compare).orElseThrow(),
                values.stream().max(Double::compare).orElseThrow(), small ? 4 : 5);
        Scale x = Scale.ofTime(start, end, left, right);
        Scale y = new Scale(ticks.get(0), ticks.get(ticks.size() - 1), bottom, top);
        Svg svg = new Svg(width, height, words.text("chart.kpiLabel", kpi.name()), "chart");
        svg.text(small ? 4 : left, 14, kpi.name(), small ? 11 : 12, "start", INK, true);
        axes(svg, x, y, ticks, start, end, left, right, top, bottom);
        band(svg, x, y, end);
        moments(svg, x, top, bottom);
        readingsLine(svg, x, y);
        forecast(svg, x, y, bounds);
        return new Document.Figure(svg.toString(), caption());
    }

    private void axes(Svg svg, Scale x, Scale y, List<Double> ticks, Instant start, Instant end, double left,
                      double right, double top, double bottom) {
        double font = small ? 9 : 10;
        for (double tick : ticks) {
            svg.line(left, y.at(tick), right, y.at(tick), GRID, 0.6, null);
            svg.text(left - 4, y.at(tick) + font / 3, words.number(tick), font, "end", INK);
        }
        svg.text(left - 4, top - 8, kpi.unit(), font, "end", INK);
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", words.language().locale());
        for (LocalDate tick : Scale.months(Days.dateOf(start), Days.dateOf(end), small ? 4 : 7)) {
            svg.line(x.at(tick), bottom, x.at(tick), bottom + 4, INK, 0.8, null);
            svg.text(x.at(tick), bottom + 16, month.format(tick), font, "middle", INK);
        }
        svg.line(left, bottom, right, bottom, INK, 0.8, null);
    }

    /** The plan line and, around it, the tolerance in force from each of its corners, flat after the last. */
    private void band(Svg svg, Scale x, Scale y, Instant end) {
        List<PlanLine.Point> corners = new ArrayList<>(plan);
        PlanLine.Point last = corners.get(corners.size() - 1);
        corners.add(new PlanLine.Point(end, last.value(), last.tolerance()));
        if (x.contains(corners.get(0).at()) && x.at(corners.get(0).at()) > x.start()) {
            corners.add(0, new PlanLine.Point(Instant.ofEpochSecond((long) x.from()), corners.get(0).value(),
                    corners.get(0).tolerance()));
        }
        double[] line = new double[corners.size() * 2];
        for (int i = 0; i < corners.size(); i++) {
            PlanLine.Point corner = corners.get(i);
            line[2 * i] = x.at(corner.at());
            line[2 * i + 1] = y.at(corner.value().doubleValue());
            if (i + 1 < corners.size()) {
                PlanLine.Point next = corners.get(i + 1);
                double tolerance = corner.tolerance().doubleValue();
                svg.polygon(new double[] {
                        x.at(corner.at()), y.at(corner.value().doubleValue() + tolerance),
                        x.at(next.at()), y.at(next.value().doubleValue() + tolerance),
                        x.at(next.at()), y.at(next.value().doubleValue() - tolerance),
                        x.at(corner.at()), y.at(corner.value().doubleValue() - tolerance)}, PLAN, 0.14);
            }
        }
        svg.polyline(line, PLAN, 1.5, null);
    }

    /** The evaluation moments (held, or still to hold) and the report's own moment. */
    private void moments(Svg svg, Scale x, double top, double bottom) {
        for (EvaluationView evaluation : evaluations) {
            LocalDate day = evaluation.outcome() == null ? evaluation.scheduledFor() : evaluation.outcome().heldOn();
            if (x.contains(Days.startOf(day))) {
                svg.line(x.at(day), top, x.at(day), bottom, "#7b5ea7", 1, "2 3");
                svg.text(x.at(day) + 3, top + 8, words.text("chart.evaluation"), small ? 8 : 9, "start", "#7b5ea7");
            }
        }
        svg.line(x.at(at), top - 6, x.at(at), bottom, INK, 1.2, null);
        svg.text(x.at(at) - 3, top - 8, words.text("chart.asOf"), small ? 8 : 9, "end", INK);
    }

    private void readingsLine(Svg svg, Scale x, Scale y) {
        if (readings.isEmpty()) {
            return;
        }
        double[] line = new double[readings.size() * 2];
        for (int i = 0; i < readings.size(); i++) {
            line[2 * i] = x.at(readings.get(i).measuredAt());
            line[2 * i + 1] = y.at(readings.get(i).value().doubleValue());
        }
        svg.polyline(line, READINGS, small ? 1.6 : 2, null);
        int from = readings.size() > MARKED_READINGS ? readings.size() - 1 : 0;
        for (int i = from; i < readings.size(); i++) {
            Tone.of(readings.get(i).status()).mark(svg, line[2 * i], line[2 * i + 1], small ? 7 : 8);
        }
    }

    /** From the latest reading to the forecast value at the target date, the target itself, and the bounds. */
    private void forecast(Svg svg, Scale x, Scale y, double[] bounds) {
        double targetX = x.at(kpi.targetDate());
        if (kpi.forecast() != null && kpi.forecast().valueAtTarget() != null && !readings.isEmpty()) {
            ReadingView latest = readings.get(readings.size() - 1);
            double forecastY = y.at(kpi.forecast().valueAtTarget().doubleValue());
            svg.line(x.at(latest.measuredAt()), y.at(latest.value().doubleValue()), targetX, forecastY, READINGS, 1.5,
                    "6 4");
            if (bounds != null) {
                svg.line(targetX, y.at(bounds[0]), targetX, y.at(bounds[1]), READINGS, 1.2, null);
                svg.line(targetX - 4, y.at(bounds[0]), targetX + 4, y.at(bounds[0]), READINGS, 1.2, null);
                svg.line(targetX - 4, y.at(bounds[1]), targetX + 4, y.at(bounds[1]), READINGS, 1.2, null);
            }
            svg.circle(targetX, forecastY, 3, READINGS, null);
        }
        svg.circle(targetX, y.at(kpi.target().doubleValue()), small ? 4 : 5, "#ffffff", INK);
        svg.circle(targetX, y.at(kpi.target().doubleValue()), 1.5, INK, null);
    }

    /** Every value the chart must show, so the value axis covers them all. */
    private List<Double> values(double[] bounds) {
        List<Double> values = new ArrayList<>();
        readings.forEach(reading -> values.add(reading.value().doubleValue()));
        plan.forEach(point -> {
            values.add(point.value().add(point.tolerance()).doubleValue());
            values.add(point.value().subtract(point.tolerance()).doubleValue());
        });
        values.add(kpi.target().doubleValue());
        if (kpi.forecast() != null && kpi.forecast().valueAtTarget() != null) {
            values.add(kpi.forecast().valueAtTarget().doubleValue());
        }
        if (bounds != null) {
            values.add(bounds[0]);
            values.add(bounds[1]);
        }
        return values;
    }

    /** The forecast's 95 % bounds at the target date, where the KPI's forecast has them; null where it does not. */
    private double[] bounds() {
        KpiView.ForecastView forecast = kpi.forecast();
        return forecast == null || forecast.valueAtTargetLow() == null || forecast.valueAtTargetHigh() == null ? null
                : new double[] {forecast.valueAtTargetLow().doubleValue(), forecast.valueAtTargetHigh().doubleValue()};
    }

    private String caption() {
        String status = words.label(kpi.status());
        if (readings.isEmpty()) {
            return words.text("chart.captionEmpty", kpi.name(), status);
        }
        ReadingView latest = readings.get(readings.size() - 1);
        BigDecimal forecast = kpi.forecast() == null ? null : kpi.forecast().valueAtTarget();
        return words.text("chart.caption", kpi.name(), status, words.quantity(latest.value(), kpi.unit()),
                words.date(Days.dateOf(latest.measuredAt())), words.quantity(kpi.target(), kpi.unit()),
                words.date(kpi.targetDate()), forecast == null ? words.text("kpis.noForecast")
                        : words.text("chart.forecast", words.quantity(forecast, kpi.unit())));
    }
}
