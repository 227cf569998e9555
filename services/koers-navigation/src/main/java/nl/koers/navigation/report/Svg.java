package nl.koers.navigation.report;

/**
 * A small SVG picture written as text: shapes with their paint as attributes (no CSS, no script), so a browser and
 * the PDF's {@link SvgPainter} draw the same thing.
 */
final class Svg {

    static final String FONT = "Helvetica, Arial, sans-serif";

    private final StringBuilder out = new StringBuilder();
    private final double width;
    private final double height;

    Svg(double width, double height, String label, String cssClass) {
        this.width = width;
        this.height = height;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(cssClass).append("\" width=\"")
                .append(n(width)).append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ")
                .append(n(width)).append(' ').append(n(height)).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(label)).append("\">");
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    Svg rect(double x, double y, double w, double h, String fill, double opacity) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append('"');
        opacity(opacity).append("/>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"');
        stroke(stroke, strokeWidth, dash).append("/>");
        return this;
    }

    /** An open line through {@code xy} (x0, y0, x1, y1...). */
    Svg polyline(double[] xy, String stroke, double strokeWidth, String dash) {
        out.append("<polyline points=\"").append(points(xy)).append("\" fill=\"none\"");
        stroke(stroke, strokeWidth, dash).append("/>");
        return this;
    }

    /** A filled shape with corners {@code xy} (x0, y0, x1, y1...). */
    Svg polygon(double[] xy, String fill, double opacity) {
        out.append("<polygon points=\"").append(points(xy)).append("\" fill=\"").append(fill).append('"');
        opacity(opacity).append("/>");
        return this;
    }

    /** A circle filled with {@code fill}, outlined with {@code stroke} where it is not null. */
    Svg circle(double cx, double cy, double r, String fill, String stroke) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            stroke(stroke, 1.5, null);
        }
        out.append("/>");
        return this;
    }

    /** Text with its anchor ({@code start}, {@code middle}, {@code end}) at (x, y), y being the baseline. */
    Svg text(double x, double y, String text, double size, String anchor, String fill) {
        return text(x, y, text, size, anchor, fill, false);
    }

    /** The same, in bold where {@code bold}. */
    Svg text(double x, double y, String text, double size, String anchor, String fill, boolean bold) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" text-anchor=\"").append(anchor).append("\" fill=\"").append(fill)
                .append("\" font-family=\"").append(FONT).append('"');
        if (bold) {
            out.append(" font-weight=\"bold\"");
        }
        out.append('>').append(Html.escape(text)).append("</text>");
        return this;
    }

    @Override
    public String toString() {
        return out + "</svg>";
    }

    private StringBuilder stroke(String stroke, double strokeWidth, String dash) {
        out.append(" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(strokeWidth)).append('"');
        if (dash != null) {
            out.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        return out;
    }

    private StringBuilder opacity(double opacity) {
        if (opacity < 1) {
            out.append(" fill-opacity=\"").append(opacity).append('"');
        }
        return out;
    }

    private static String points(double[] xy) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            points.append(i == 0 ? "" : " ").append(n(xy[i])).append(',').append(n(xy[i + 1]));
        }
        return points.toString();
    }

    /** One decimal is a tenth of a pixel: enough, and short. */
    private static String n(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
    }
}
