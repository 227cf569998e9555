package nl.koers.navigation.report;

import java.math.BigDecimal;
import java.util.List;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.ReadingCorrected;
import nl.koers.api.kpi.ReadingRetracted;
import nl.koers.navigation.history.HistoryEntry;
import nl.koers.navigation.programme.KpiView;
import nl.koers.navigation.programme.ReportFacts;
import nl.koers.rules.Days;

/** Each KPI against its plan: a table, a chart per KPI (small multiples when there are many), and the corrections. */
final class KpiSection {

    /** From this many KPIs on, their charts are drawn small, side by side. */
    static final int SMALL_MULTIPLES_FROM = 4;

    private KpiSection() {
    }

    static void write(Document document, ReportContext report) {
        Words words = report.words();
        List<ReportFacts.KpiPicture> kpis = report.facts().kpis();
        document.heading(2, words.text("kpis.title")).table(List.of(words.text("column.kpi"), words.text("column.status"),
                        words.text("column.latest"), words.text("column.planThen"), words.text("column.deviation"),
                        words.text("column.target"), words.text("column.forecast")),
                kpis.stream().map(picture -> row(words, picture.kpi())).toList());
        boolean small = kpis.size() >= SMALL_MULTIPLES_FROM;
        if (!kpis.isEmpty()) {
            document.paragraph(words.text("kpis.legend"));
        }
        document.figures(kpis.stream().map(picture -> new KpiChart(picture, report.programme().evaluations(),
                report.at(), words, small).figure()).toList(), small);
        document.heading(3, words.text("kpis.corrections", report.since())).bullets(report.changes().correctionsAndRetractions().stream()
                .map(entry -> correction(report, entry)).toList());
    }

    /** A correction or retraction of a reading, in the reader's words. */
    private static String correction(ReportContext report, HistoryEntry entry) {
        Words words = report.words();
        String when = words.moment(entry.recordedAt());
        ProgrammeEvent event = report.event(entry);
        if (event instanceof ReadingCorrected corrected) {
            return words.text("kpis.corrected", when, corrected.readingId(), name(report, corrected.kpiId()),
                    words.number(corrected.previousValue()), words.number(corrected.value()), corrected.reason(),
                    entry.actor());
        } else if (event instanceof ReadingRetracted retracted) {
            return words.text("kpis.retracted", when, retracted.readingId(), name(report, retracted.kpiId()),
                    retracted.reason(), entry.actor());
        }
        throw new IllegalArgumentException("Neither a correction nor a retraction: " + event);
    }

    private static String name(ReportContext report, String kpiId) {
        return report.programme().kpis().stream().filter(k -> k.id().equals(kpiId))
                .map(KpiView::name).findFirst().orElse(kpiId);
    }

    private static List<Document.Cell> row(Words words, KpiView kpi) {
        var latest = kpi.latestReading();
        String unit = kpi.unit();
        return List.of(
                Document.Cell.plain(kpi.name()),
                new Document.Cell(words.label(kpi.status()), Tone.of(kpi.status())),
                Document.Cell.plain(latest == null ? "-" : words.text("kpis.latest", words.quantity(latest.value(), unit),
                        words.date(Days.dateOf(latest.measuredAt())))),
                Document.Cell.plain(latest == null ? "-" : words.quantity(latest.value().subtract(direction(kpi,
                        latest.deviation())), unit)),
                Document.Cell.plain(latest == null ? "-" : words.signed(latest.deviation()) + " " + unit),
                Document.Cell.plain(words.text("kpis.target", words.quantity(kpi.target(), unit),
                        words.date(kpi.targetDate()), words.number(kpi.tolerance()))),
                Document.Cell.plain(kpi.forecast() == null || kpi.forecast().valueAtTarget() == null
                        ? words.text("kpis.noForecast") : words.quantity(kpi.forecast().valueAtTarget(), unit)));
    }

    /** The deviation as a change in value: positive is better, so for a lower-is-better KPI it is the other way. */
    private static BigDecimal direction(KpiView kpi, BigDecimal deviation) {
        return kpi.direction() == Direction.LOWER_IS_BETTER ? deviation.negate() : deviation;
    }
}
