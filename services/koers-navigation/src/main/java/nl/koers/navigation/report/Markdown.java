package nl.koers.navigation.report;

import java.util.List;

/** A {@link Document} as Markdown that also reads as plain text: pictures become their captions. */
final class Markdown {

    private Markdown() {
    }

    static String of(Document document) {
        StringBuilder out = new StringBuilder();
        for (Document.Block block : document.blocks()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (block instanceof Document.Heading heading) {
                out.append("#".repeat(heading.level())).append(' ').append(inline(heading.text())).append('\n');
            } else if (block instanceof Document.Paragraph paragraph) {
                out.append(inline(paragraph.text())).append('\n');
            } else if (block instanceof Document.Facts facts) {
                facts.facts().forEach(fact -> out.append("- **").append(inline(fact.label())).append(":** ")
                        .append(inline(fact.value().text())).append('\n'));
            } else if (block instanceof Document.Table table) {
                out.append(row(table.header()));
                out.append(row(table.header().stream().map(cell -> "---").toList()));
                table.rows().forEach(cells -> out.append(row(cells.stream().map(Document.Cell::text).toList())));
            } else if (block instanceof Document.Bullets bullets) {
                bullets.items().forEach(item -> out.append("- ").append(inline(item)).append('\n'));
            } else if (block instanceof Document.Figures figures) {
                figures.figures().forEach(figure -> out.append("- ").append(inline(figure.caption())).append('\n'));
            }
        }
        return out.toString();
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
}
