package nl.koers.navigation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DocumentTest {

    private final Document document = new Document()
            .heading(1, "Report <draft>")
            .paragraph("Two\nlines & *stars*")
            .table(List.of("KPI", "Note"), List.of(List.of("Lead time", "a | b")))
            .bullets(List.of("one"))
            .table(List.of("Empty"), List.of());

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
                """);
    }

    @Test
    void htmlIsTheSameDocumentEscaped() {
        String html = document.toHtml();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Report &lt;draft&gt;</title>")
                .contains("<h1>Report &lt;draft&gt;</h1>", "<p>Two\nlines &amp; *stars*</p>",
                        "<th>KPI</th><th>Note</th>", "<td>a | b</td>", "<li>one</li>", "<p>None.</p>")
                .endsWith("</html>\n");
    }
}
