package nl.koers.navigation.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import nl.koers.navigation.programme.MilestoneView;
import nl.koers.navigation.programme.ProgrammeView;
import nl.koers.rules.Days;
import nl.koers.rules.MilestoneSlip;

/**
 * The milestones on one time axis against the report's moment: per milestone its original baseline, each
 * re-baseline, the due date now, the forecast (and the slip to it) and the achievement.
 */
final class MilestoneTimeline {

    private static final double WIDTH = 680;
    private static final double LABELS = 190;
    private static final double ROW = 26;
    private static final String BASELINE = "#9e9e9e";
    private static final String DUE = "#1f4e79";

    private final ProgrammeView programme;
    private final Instant at;
    private final Words words;

    MilestoneTimeline(ProgrammeView programme, Instant at, Words words) {
        this.programme = programme;
        this.at = at;
        this.words = words;
    }

    /** Late by 30 % or more of the time planned for it is bad, less is to watch. */
    static Tone lateTone(MilestoneView milestone) {
        return milestone.slipPercent() != null
                && milestone.slipPercent().compareTo(BigDecimal.valueOf(MilestoneSlip.CRITICAL_PERCENT)) >= 0
                ? Tone.BAD : Tone.WATCH;
    }

    Document.Figure figure() {
        List<MilestoneView> milestones = programme.milestones();
        double top = 30;
        double height = top + ROW * milestones.size() + 10;
        LocalDate start = programme.startDate();
        LocalDate end = Stream.concat(Stream.of(programme.plannedEndDate(), Days.dateOf(at)),
                milestones.stream().flatMap(MilestoneTimeline::dates)).max(LocalDate::compareTo).orElseThrow();
        end = end.plusDays(Math.max(7, start.until(end, ChronoUnit.DAYS) / 40));
        Scale x = new Scale(Days.startOf(start).getEpochSecond(), Days.startOf(end).getEpochSecond(), LABELS,
                WIDTH - 12);
        Svg svg = new Svg(WIDTH, height, words.text("chart.milestonesLabel"), "chart");
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", words.language().locale());
        for (LocalDate tick : Scale.months(start, end, 9)) {
            svg.line(x.at(tick), top - 6, x.at(tick), height - 8, KpiChart.GRID, 0.6, null);
            svg.text(x.at(tick), top - 12, month.format(tick), 10, "middle", KpiChart.INK);
        }
        for (int i = 0; i < milestones.size(); i++) {
            row(svg, x, milestones.get(i), top + ROW * i + ROW / 2);
        }
        svg.line(x.at(at), top - 8, x.at(at), height - 4, KpiChart.INK, 1.2, null);
        svg.text(x.at(at) + 3, height - 6, words.text("chart.asOf"), 9, "start", KpiChart.INK);
        return new Document.Figure(svg.toString(), words.text("chart.milestonesCaption", milestones.size()));
    }

    private void row(Svg svg, Scale x, MilestoneView milestone, double y) {
        String title = milestone.title().length() > 32 ? milestone.title().substring(0, 31) + "…" : milestone.title();
        svg.text(LABELS - 8, y + 4, title, 10, "end", milestone.cancelled() ? BASELINE : KpiChart.INK);
        List<LocalDate> baselines = new ArrayList<>();
        baselines.add(milestone.originalDueDate());
        milestone.rebaselines().forEach(rebaseline -> baselines.add(rebaseline.dueDate()));
        if (baselines.size() > 1) {
            svg.line(x.at(baselines.get(0)), y, x.at(milestone.dueDate()), y, BASELINE, 1, "3 2");
            for (LocalDate baseline : baselines.subList(0, baselines.size() - 1)) {
                diamond(svg, x.at(baseline), y, 5, "#ffffff", BASELINE);
            }
        }
        if (milestone.forecastDate() != null && milestone.achievedOn() == null && !milestone.cancelled()
                && !milestone.forecastDate().equals(milestone.dueDate())) {
            Tone tone = milestone.forecastDate().isAfter(milestone.dueDate()) ? lateTone(milestone) : Tone.GOOD;
            svg.line(x.at(milestone.dueDate()), y, x.at(milestone.forecastDate()), y, tone.colour(), 3, null);
            tone.mark(svg, x.at(milestone.forecastDate()), y, 9);
        }
        diamond(svg, x.at(milestone.dueDate()), y, 6, milestone.cancelled() ? BASELINE : DUE, null);
        if (milestone.achievedOn() != null) {
            double ax = x.at(milestone.achievedOn());
            svg.circle(ax, y, 6, Tone.GOOD.colour(), null);
            svg.polyline(new double[] {ax - 3, y, ax - 1, y + 2.5, ax + 3.5, y - 3}, "#ffffff", 1.6, null);
        }
        if (milestone.cancelled()) {
            svg.line(x.at(milestone.dueDate()) - 7, y + 7, x.at(milestone.dueDate()) + 7, y - 7, KpiChart.INK, 1.4, null);
        }
    }

    private static void diamond(Svg svg, double x, double y, double r, String fill, String stroke) {
        double[] corners = {x, y - r, x + r, y, x, y + r, x - r, y};
        svg.polygon(corners, fill, 1);
        if (stroke != null) {
            svg.polyline(new double[] {x, y - r, x + r, y, x, y + r, x - r, y, x, y - r}, stroke, 1.2, null);
        }
    }

    private static Stream<LocalDate> dates(MilestoneView milestone) {
        return Stream.of(milestone.dueDate(), milestone.originalDueDate(), milestone.forecastDate(),
                milestone.achievedOn()).filter(Objects::nonNull);
    }
}
