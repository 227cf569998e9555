package nl.koers.navigation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.koers.api.kpi.Direction;
import nl.koers.navigation.programme.EvaluationView;
import nl.koers.navigation.programme.KpiView;
import nl.koers.navigation.programme.ReadingView;
import nl.koers.navigation.programme.ReportFacts;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Status;
import org.junit.jupiter.api.Test;

class KpiChartTest {

    private static final Instant AS_OF = Instant.parse("2026-04-01T12:00:00Z");
    private static final Pattern POLYLINE = Pattern.compile("<polyline points=\"([^\"]*)\" fill=\"none\" stroke=\"#1f4e79\"");

    @Test
    void theReadingsThatCountAreDrawnAgainstThePlanBandWithTheForecastToTheTargetDate() {
        List<ReadingView> readings = new ArrayList<>(readings(12));
        readings.add(reading(99, "2026-03-30T00:00:00Z", Status.RED, true));

        String svg = chart(kpi(readings, FORECAST), false).svg();

        Matcher line = POLYLINE.matcher(svg);
        assertThat(line.find()).isTrue();
        assertThat(line.group(1).split(" ")).as("the retracted reading is left out").hasSize(12);
        assertThat(svg).contains("fill=\"#2e7d32\" fill-opacity=\"0.14\"", "stroke-dasharray=\"6 4\"",
                        ">evaluation</text>", ">as of</text>", ">Digital applications</text>", ">Jan 2026</text>")
                .doesNotContain("<script");
    }

    @Test
    void theForecastsBoundsAreDrawnWhereItHasThem() {
        String without = chart(kpi(readings(12), new KpiView.ForecastView(BigDecimal.valueOf(72), null, null, null)), false).svg();
        String with = chart(kpi(readings(12), FORECAST), false).svg();

        assertThat(count(with, "stroke=\"#1f4e79\" stroke-width=\"1.2\"") - count(without, "stroke=\"#1f4e79\" stroke-width=\"1.2\""))
                .as("a whisker with two caps").isEqualTo(3);
    }

    @Test
    void manyKpisAreDrawnSmallSideBySide() throws Exception {
        List<Document.Figure> figures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            figures.add(chart(kpi(readings(10 + i * 3), FORECAST), true));
        }
        Document document = new Document(new Words(Language.NL)).heading(1, "Kleine veelvouden").figures(figures, true);

        String html = document.toHtml();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "small-multiples.html"), html);

        assertThat(html).contains("<div class=\"figures small\">", "width=\"340\"", ">jan. 2026</text>");
        assertThat(document.toMarkdown()).contains("- Digital applications: Op koers. Laatste");
    }

    private static Document.Figure chart(KpiView kpi, boolean small) {
        List<PlanLine.Point> plan = List.of(
                new PlanLine.Point(Instant.parse("2026-01-01T00:00:00Z"), BigDecimal.TEN, BigDecimal.valueOf(5)),
                new PlanLine.Point(Instant.parse("2026-12-31T00:00:00Z"), BigDecimal.valueOf(80), BigDecimal.valueOf(5)));
        List<EvaluationView> evaluations = List.of(new EvaluationView("p", "e1", "March", LocalDate.of(2026, 3, 16), null));
        return new KpiChart(new ReportFacts.KpiPicture(kpi, plan), evaluations, AS_OF, new Words(small ? Language.NL
                : Language.EN), small).figure();
    }

    private static final KpiView.ForecastView FORECAST = new KpiView.ForecastView(BigDecimal.valueOf(72),
            BigDecimal.valueOf(64), BigDecimal.valueOf(80), null);

    private static KpiView kpi(List<ReadingView> readings, KpiView.ForecastView forecast) {
        return new KpiView("p", "adoption", "Digital applications", "%", Direction.HIGHER_IS_BETTER, BigDecimal.TEN,
                LocalDate.of(2026, 1, 1), BigDecimal.valueOf(80), LocalDate.of(2026, 12, 31), BigDecimal.valueOf(5),
                "P1W", null, null, AS_OF, Status.GREEN, readings.get(readings.size() - 1), BigDecimal.valueOf(27),
                forecast, List.of(), readings, List.of());
    }

    private static List<ReadingView> readings(int weeks) {
        List<ReadingView> readings = new ArrayList<>();
        for (int week = 0; week < weeks; week++) {
            Instant at = Instant.parse("2026-01-05T00:00:00Z").plusSeconds(week * 7L * 86_400);
            readings.add(reading(10 + week * 1.4 + (week % 3 - 1) * 2, at.toString(), week % 4 == 3 ? Status.AMBER
                    : Status.GREEN, false));
        }
        return readings;
    }

    private static ReadingView reading(double value, String measuredAt, Status status, boolean retracted) {
        return new ReadingView("r" + measuredAt, BigDecimal.valueOf(value), Instant.parse(measuredAt),
                Instant.parse(measuredAt), BigDecimal.ZERO, status, null, null, false, retracted, null);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
