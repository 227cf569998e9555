package nl.koers.navigation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DocumentTest {

    private final Document document = new Document(new Words(Language.EN))
            .heading(1, "Report <draft>")
            .paragraph("Two\nlines & *stars*")
            .table(List.of("KPI", "Note"), List.of(List.of(Document.Cell.plain("Lead time"), Document.Cell.plain("a | b"))))
            .bullets(List.of("one"))
            .table(List.of("Empty"), List.of())
            .facts(List.of(new Document.Fact("Health", new Document.Cell("In trouble", Tone.BAD))));

    @Test
    void markdownKeepsUserTextOnOneLineAndOutOfTheMarkup() {
        assertThat(document.toMarkdown()).isEqualTo("""
                # Report &lt;draft>

                Two lines & \\*stars\\*

                | KPI | Note |
                | --- | --- |
                | Lead time | a \\| b |

                - one

                None.

                - **Health:** In trouble
                """);
    }

    @Test
    void htmlIsTheSameDocumentEscapedWithStatusesAsShapeAndWord() {
        String html = document.toHtml();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Report &lt;draft&gt;</title>")
                .contains("<h1>Report &lt;draft&gt;</h1>", "<p>Two\nlines &amp; *stars*</p>",
                        "<th>KPI</th><th>Note</th>", "<td>a | b</td>", "<li>one</li>", "<p>None.</p>",
                        "<span class=\"status bad\"><svg", "<rect", "</svg> In trouble</span>")
                .endsWith("</html>\n");
    }

    @Test
    void theWordNoneIsInTheReadersLanguage() {
        assertThat(new Document(new Words(Language.NL)).bullets(List.of()).toMarkdown()).isEqualTo("Geen.\n");
    }
}
