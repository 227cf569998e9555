package nl.koers.navigation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.util.List;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Draws the report's own SVG pictures into the PDF as vectors: the few shapes {@link Svg} writes (rect, line,
 * polyline, polygon, circle, text), with their paint given as attributes, on the PDF renderer's vector Graphics2D.
 * Not a general SVG renderer: other elements are skipped.
 */
final class SvgPainter implements SVGDrawer {

    @Override
    public void importFontFaceRules(List<FontFaceRule> fontFaces, SharedContext shared) {
        // the pictures use the standard sans-serif font only
    }

    @Override
    public void addFontFile(File fontFile, String family, Integer weight, BaseRendererBuilder.FontStyle style) {
        // as above
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public SVGImage buildSVGImage(Element svg, Box box, CssContext css, double cssWidth, double cssHeight,
                                  double dotsPerPixel) {
        double[] viewBox = numbers(svg.getAttribute("viewBox"));
        double width = viewBox.length == 4 ? viewBox[2] : number(svg, "width");
        double height = viewBox.length == 4 ? viewBox[3] : number(svg, "height");
        double scale = cssWidth > 0 ? cssWidth / dotsPerPixel / width
                : cssHeight > 0 ? cssHeight / dotsPerPixel / height : 1;
        double pixelsWide = width * scale;
        double pixelsHigh = height * scale;
        return new SVGImage() {
            @Override
            public int getIntrinsicWidth() {
                return (int) Math.round(pixelsWide * dotsPerPixel);
            }

            @Override
            public int getIntrinsicHeight() {
                return (int) Math.round(pixelsHigh * dotsPerPixel);
            }

            @Override
            public void drawSVG(OutputDevice device, RenderingContext context, double x, double y) {
                device.drawWithGraphics((float) x, (float) y, (float) pixelsWide, (float) pixelsHigh, graphics -> {
                    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    graphics.scale(scale, scale);
                    paintChildren(graphics, svg);
                });
            }
        };
    }

    private static void paintChildren(Graphics2D graphics, Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                paint(graphics, element);
            }
        }
    }

    private static void paint(Graphics2D graphics, Element e) {
        switch (e.getLocalName() == null ? e.getNodeName() : e.getLocalName()) {
            case "g" -> paintChildren(graphics, e);
            case "rect" -> fillAndStroke(graphics, e, new Rectangle2D.Double(number(e, "x"), number(e, "y"),
                    number(e, "width"), number(e, "height")));
            case "circle" -> {
                double r = number(e, "r");
                fillAndStroke(graphics, e, new Ellipse2D.Double(number(e, "cx") - r, number(e, "cy") - r, 2 * r, 2 * r));
            }
            case "line" -> fillAndStroke(graphics, e, new Line2D.Double(number(e, "x1"), number(e, "y1"),
                    number(e, "x2"), number(e, "y2")));
            case "polyline" -> fillAndStroke(graphics, e, path(numbers(e.getAttribute("points")), false));
            case "polygon" -> fillAndStroke(graphics, e, path(numbers(e.getAttribute("points")), true));
            case "text" -> text(graphics, e);
            default -> { }
        }
    }

    private static void fillAndStroke(Graphics2D graphics, Element e, Shape shape) {
        String fill = e.getAttribute("fill");
        if (!fill.isEmpty() && !"none".equals(fill) && !(shape instanceof Line2D)) {
            graphics.setColor(colour(fill, e.getAttribute("fill-opacity")));
            graphics.fill(shape);
        }
        String stroke = e.getAttribute("stroke");
        if (!stroke.isEmpty() && !"none".equals(stroke)) {
            float width = e.hasAttribute("stroke-width") ? (float) number(e, "stroke-width") : 1f;
            double[] dash = numbers(e.getAttribute("stroke-dasharray"));
            float[] pattern = null;
            if (dash.length > 0) {
                pattern = new float[dash.length];
                for (int i = 0; i < dash.length; i++) {
                    pattern[i] = (float) dash[i];
                }
            }
            graphics.setStroke(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f));
            graphics.setColor(colour(stroke, ""));
            graphics.draw(shape);
        }
    }

    private static void text(Graphics2D graphics, Element e) {
        String text = e.getTextContent();
        int style = "bold".equals(e.getAttribute("font-weight")) ? Font.BOLD : Font.PLAIN;
        graphics.setFont(new Font(Font.SANS_SERIF, style, 1).deriveFont((float) number(e, "font-size")));
        graphics.setColor(colour(e.getAttribute("fill").isEmpty() ? "#000000" : e.getAttribute("fill"), ""));
        double width = graphics.getFontMetrics().getStringBounds(text, graphics).getWidth();
        double x = number(e, "x") - switch (e.getAttribute("text-anchor")) {
            case "middle" -> width / 2;
            case "end" -> width;
            default -> 0;
        };
        graphics.drawString(text, (float) x, (float) number(e, "y"));
    }

    private static Path2D path(double[] xy, boolean closed) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            if (i == 0) {
                path.moveTo(xy[i], xy[i + 1]);
            } else {
                path.lineTo(xy[i], xy[i + 1]);
            }
        }
        if (closed) {
            path.closePath();
        }
        return path;
    }

    private static Color colour(String hex, String opacity) {
        Color colour = Color.decode(hex);
        int alpha = opacity.isEmpty() ? 255 : (int) Math.round(Double.parseDouble(opacity) * 255);
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }

    private static double number(Element e, String attribute) {
        String value = e.getAttribute(attribute);
        return value.isEmpty() ? 0 : Double.parseDouble(value);
    }

    private static double[] numbers(String list) {
        if (list == null || list.isBlank()) {
            return new double[0];
        }
        String[] parts = list.strip().split("[\\s,]+");
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = Double.parseDouble(parts[i]);
        }
        return numbers;
    }
}
