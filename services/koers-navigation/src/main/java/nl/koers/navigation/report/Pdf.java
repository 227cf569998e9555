package nl.koers.navigation.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/** The report's HTML page printed to an A4 PDF (size, margins and page numbers from its {@code @page} style). */
final class Pdf {

    static {
        // the renderer logs every page it lays out at INFO; warnings and errors still show
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private Pdf() {
    }

    static byte[] of(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SvgPainter svg = new SvgPainter()) {
            new PdfRendererBuilder()
                    .useFastMode()
                    .useSVGDrawer(svg)
                    .withHtmlContent(html, null)
                    .withProducer("Koers")
                    .toStream(out)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
