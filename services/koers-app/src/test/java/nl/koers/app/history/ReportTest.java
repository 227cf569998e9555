package nl.koers.app.history;

import static nl.koers.app.history.ReportHistory.AS_OF;
import static nl.koers.app.history.ReportHistory.PROGRAMME;
import static nl.koers.app.history.ReportHistory.SINCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The steering report of a fixed history ({@link ReportHistory}) in its three formats and two languages. The English
 * Markdown is compared with a golden file ({@code src/test/resources/reports/steering-report.md}); a differing
 * report is written to {@code target/steering-report.md} to compare and, when the change is meant, to copy over it.
 */
class ReportTest extends TimedApiTest {

    @BeforeEach
    void givenTheHistory() throws Exception {
        ReportHistory.record(api);
    }

    @Test
    void theMarkdownReportOfAFixedHistoryReadsAsTheGoldenFile() throws Exception {
        String report = text(report().accept("text/markdown"), "text/markdown");

        String golden = new ClassPathResource("reports/steering-report.md").getContentAsString(StandardCharsets.UTF_8);
        if (!report.equals(golden)) {
            Files.writeString(Path.of("target", "steering-report.md"), report);
        }
        assertThat(report).isEqualTo(golden);
    }

    @Test
    void theMarkdownStaysPlainTextInEitherLanguage() throws Exception {
        String dutch = text(report().param("lang", "nl").accept("text/markdown"), "text/markdown");

        assertThat(dutch).startsWith("# Stuurrapportage: Digital permits\n")
                .contains("## In één oogopslag", "- **Gezondheid:** Aandacht nodig", "## Vraagt een besluit",
                        "Mijlpaal loopt uit", "1 april 2026", "Digital applications: Op koers. Laatste 27 % op 29 maart 2026")
                .doesNotContain("<svg", "MILESTONE_SLIPPING", "AMBER_RED", "KPI_FORECAST_MISS");
    }

    @Test
    void theHtmlPageHasAChartPerKpiAndAMilestoneTimelineInTheReadersLanguage() throws Exception {
        String english = text(report().accept("text/html"), "text/html");
        String dutch = text(report().header("Accept-Language", "nl-BE, en;q=0.5").accept("text/html"), "text/html");

        assertThat(english).contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">",
                        "<h1>Steering report: Digital permits</h1>", "<h2>Needs a decision</h2>", "@media print",
                        "aria-label=\"Chart of Digital applications against its plan\"",
                        "aria-label=\"Chart of Processing time against its plan\"",
                        "aria-label=\"Milestone timeline\"", "<td>Pilot municipality live</td>")
                .doesNotContain("<script");
        assertThat(dutch).contains("lang=\"nl\"", "<h1>Stuurrapportage: Digital permits</h1>",
                "<h2>Mijlpalen</h2>", "Grafiek van Processing time tegen het plan");
    }

    @Test
    void thePdfIsA4WithPageNumbersAndTheReportsWordsInDutch() throws Exception {
        byte[] pdf = http.perform(report().param("lang", "nl").accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Language", "nl"))
                .andReturn().getResponse().getContentAsByteArray();
        Files.write(Path.of("target", "steering-report-nl.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, offset(1f));
            assertThat(text).contains("Stuurrapportage: Digital permits", "In één oogopslag", "Vraagt een besluit",
                    "KPI's tegen het plan", "Digital applications", "Processing time", "Mijlpalen",
                    "Besluiten en hun opvolging", "1 / " + document.getNumberOfPages());
        }
    }

    @Test
    void theLanguageComesFromLangThenAcceptLanguageThenEnglish() throws Exception {
        http.perform(report().header("Accept-Language", "nl-NL").accept("text/markdown"))
                .andExpect(header().string("Content-Language", "nl"));
        http.perform(report().param("lang", "en").header("Accept-Language", "nl").accept("text/markdown"))
                .andExpect(header().string("Content-Language", "en"));
        http.perform(report().header("Accept-Language", "fr-BE, de").accept("text/markdown"))
                .andExpect(header().string("Content-Language", "en"));
        http.perform(report().param("lang", "fr").accept("text/markdown"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lang"));
    }

    @Test
    void otherFormatsAndUnknownProgrammesAreRefused() throws Exception {
        http.perform(get(PROGRAMME + "/follow-up").param("asOf", AS_OF))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kpis[0].correction.movedTowardPlan").value(true));
        http.perform(get(PROGRAMME + "/report").param("asOf", AS_OF).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotAcceptable());
        http.perform(get(PROGRAMME + "/report").param("asOf", "2026-01-01T00:00:00Z").accept("text/markdown"))
                .andExpect(status().isNotFound());
        http.perform(get(PROGRAMME + "/report").param("asOf", "2026-01-01T00:00:00Z").accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isNotFound());
    }

    static MockHttpServletRequestBuilder report() {
        return get(PROGRAMME + "/report").param("asOf", AS_OF).param("since", SINCE);
    }

    private String text(MockHttpServletRequestBuilder request, String type) throws Exception {
        return http.perform(request).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(type))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
