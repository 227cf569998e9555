package nl.koers.navigation.report;

import java.util.ArrayList;
import java.util.List;

/** A plain document of headings, paragraphs, tables and lists, written once and rendered as Markdown or HTML. */
public final class Document {

    sealed interface Block permits Heading, Paragraph, Table, Bullets {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    record Bullets(List<String> items) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    Document heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    Document paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    /** A table, or "None." when it has no rows. */
    Document table(List<String> header, List<List<String>> rows) {
        blocks.add(rows.isEmpty() ? new Paragraph("None.") : new Table(header, rows));
        return this;
    }

    /** A bullet list, or "None." when it is empty. */
    Document bullets(List<String> items) {
        blocks.add(items.isEmpty() ? new Paragraph("None.") : new Bullets(items));
        return this;
    }

    public String title() {
        return blocks.stream().filter(Heading.class::isInstance).map(block -> ((Heading) block).text()).findFirst().orElse("");
    }

    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (block instanceof Heading heading) {
                out.append("#".repeat(heading.level())).append(' ').append(inline(heading.text())).append('\n');
            } else if (block instanceof Paragraph paragraph) {
                out.append(inline(paragraph.text())).append('\n');
            } else if (block instanceof Table table) {
                out.append(row(table.header()));
                out.append(row(table.header().stream().map(cell -> "---").toList()));
                table.rows().forEach(cells -> out.append(row(cells)));
            } else if (block instanceof Bullets bullets) {
                bullets.items().forEach(item -> out.append("- ").append(inline(item)).append('\n'));
            }
        }
        return out.toString();
    }

    /** A whole HTML page that prints readably: one column, tables with ruled cells, no page break inside a row. */
    public String toHtml() {
        StringBuilder out = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; line-height: 1.4; color: #111; }
                table { border-collapse: collapse; margin: 0.5em 0 1em; }
                th, td { border: 1px solid #999; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
                th { background: #eee; }
                tr, li { page-break-inside: avoid; }
                h2 { page-break-after: avoid; border-bottom: 1px solid #999; }
                @media print { body { margin: 0; max-width: none; font-size: 10pt; } }
                </style>
                </head>
                <body>
                """.formatted(html(title())));
        for (Block block : blocks) {
            if (block instanceof Heading heading) {
                out.append("<h").append(heading.level()).append('>').append(html(heading.text()))
                        .append("</h").append(heading.level()).append(">\n");
            } else if (block instanceof Paragraph paragraph) {
                out.append("<p>").append(html(paragraph.text())).append("</p>\n");
            } else if (block instanceof Table table) {
                out.append("<table>\n<thead><tr>");
                table.header().forEach(cell -> out.append("<th>").append(html(cell)).append("</th>"));
                out.append("</tr></thead>\n<tbody>\n");
                for (List<String> cells : table.rows()) {
                    out.append("<tr>");
                    cells.forEach(cell -> out.append("<td>").append(html(cell)).append("</td>"));
                    out.append("</tr>\n");
                }
                out.append("</tbody>\n</table>\n");
            } else if (block instanceof Bullets bullets) {
                out.append("<ul>\n");
                bullets.items().forEach(item -> out.append("<li>").append(html(item)).append("</li>\n"));
                out.append("</ul>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static String row(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        cells.forEach(cell -> row.append(' ').append(inline(cell).replace("|", "\\|")).append(" |"));
        return row.append('\n').toString();
    }

    /** Text from users (names, reasons, notes) stays on one line and cannot start Markdown structure of its own. */
    private static String inline(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip()
                .replace("\\", "\\\\").replace("<", "&lt;").replace("*", "\\*").replace("`", "\\`");
    }

    private static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
