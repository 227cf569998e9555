package nl.koers.navigation.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Document} as one HTML page: well-formed XHTML (the PDF renderer parses it as XML), its style inline, its
 * pictures inline SVG, nothing loaded from elsewhere and no script.
 */
final class Html {

    private static final String STYLE = style();

    private Html() {
    }

    static String of(Document document) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(document.language().tag()).append("\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(escape(document.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n");
        for (Document.Block block : document.blocks()) {
            if (block instanceof Document.Heading heading) {
                out.append("<h").append(heading.level()).append('>').append(escape(heading.text()))
                        .append("</h").append(heading.level()).append(">\n");
            } else if (block instanceof Document.Paragraph paragraph) {
                out.append("<p>").append(escape(paragraph.text())).append("</p>\n");
            } else if (block instanceof Document.Facts facts) {
                out.append("<table class=\"facts\"><tr>\n");
                facts.facts().forEach(fact -> out.append("<td><div class=\"label\">").append(escape(fact.label()))
                        .append("</div><div class=\"value\">").append(cell(fact.value())).append("</div></td>\n"));
                out.append("</tr></table>\n");
            } else if (block instanceof Document.Table table) {
                out.append("<table>\n<thead><tr>");
                table.header().forEach(cell -> out.append("<th>").append(escape(cell)).append("</th>"));
                out.append("</tr></thead>\n<tbody>\n");
                for (var cells : table.rows()) {
                    out.append("<tr>");
                    cells.forEach(cell -> out.append("<td>").append(cell(cell)).append("</td>"));
                    out.append("</tr>\n");
                }
                out.append("</tbody>\n</table>\n");
            } else if (block instanceof Document.Bullets bullets) {
                out.append("<ul>\n");
                bullets.items().forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
                out.append("</ul>\n");
            } else if (block instanceof Document.Figures figures) {
                out.append("<div class=\"figures").append(figures.small() ? " small" : "").append("\">\n");
                figures.figures().forEach(figure -> out.append("<div class=\"figure\">").append(figure.svg())
                        .append("<div class=\"caption\">").append(escape(figure.caption())).append("</div></div>\n"));
                out.append("</div>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    /** A status as its tone's shape and colour beside its words, so it reads without the colour too. */
    private static String cell(Document.Cell cell) {
        if (cell.tone() == null) {
            return escape(cell.text());
        }
        Svg mark = new Svg(12, 12, "", "mark");
        cell.tone().mark(mark, 6, 6, 10);
        return "<span class=\"status " + cell.tone().cssClass() + "\">" + mark + " " + escape(cell.text()) + "</span>";
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String style() {
        try (InputStream in = Html.class.getResourceAsStream("report.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
