package nl.koers.navigation.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain document of headings, paragraphs, key facts, tables, lists and pictures, written once and rendered as
 * Markdown ({@link Markdown}) or as an HTML page that also prints and becomes the PDF ({@link Html}).
 */
public final class Document {

    sealed interface Block permits Heading, Paragraph, Facts, Table, Bullets, Figures {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** The few facts a reader looks at first, each a label and its value. */
    record Facts(List<Fact> facts) implements Block {
    }

    record Fact(String label, Cell value) {
    }

    record Table(List<String> header, List<List<Cell>> rows) implements Block {
    }

    record Bullets(List<String> items) implements Block {
    }

    /** Pictures side by side where they fit ({@code small}), else one under the other. */
    record Figures(List<Figure> figures, boolean small) implements Block {
    }

    /** An SVG picture with its caption, which is also what Markdown shows instead of it. */
    record Figure(String svg, String caption) {
    }

    /** A table cell or a fact's value: text, with a tone where the text is a status. */
    record Cell(String text, Tone tone) {

        static Cell plain(String text) {
            return new Cell(text, null);
        }
    }

    private final List<Block> blocks = new ArrayList<>();
    private final Words words;

    Document(Words words) {
        this.words = words;
    }

    Words words() {
        return words;
    }

    List<Block> blocks() {
        return blocks;
    }

    Document heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    Document paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    Document facts(List<Fact> facts) {
        blocks.add(new Facts(facts));
        return this;
    }

    /** A table, or "None." when it has no rows. */
    Document table(List<String> header, List<List<Cell>> rows) {
        blocks.add(rows.isEmpty() ? none() : new Table(header, rows));
        return this;
    }

    /** A bullet list, or "None." when it is empty. */
    Document bullets(List<String> items) {
        blocks.add(items.isEmpty() ? none() : new Bullets(items));
        return this;
    }

    Document figures(List<Figure> figures, boolean small) {
        if (!figures.isEmpty()) {
            blocks.add(new Figures(figures, small));
        }
        return this;
    }

    public String title() {
        return blocks.stream().filter(Heading.class::isInstance).map(block -> ((Heading) block).text()).findFirst()
                .orElse("");
    }

    public Language language() {
        return words.language();
    }

    public String toMarkdown() {
        return Markdown.of(this);
    }

    /** A whole HTML page (well-formed XHTML, as the PDF renderer reads it) that prints readably on A4. */
    public String toHtml() {
        return Html.of(this);
    }

    /** The same page as an A4 PDF with page numbers and the pictures as vectors. */
    public byte[] toPdf() {
        return Pdf.of(toHtml());
    }

    private Paragraph none() {
        return new Paragraph(words.text("none"));
    }
}
