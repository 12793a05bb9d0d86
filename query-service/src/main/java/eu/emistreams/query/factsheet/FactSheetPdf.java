package eu.emistreams.query.factsheet;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;

/**
 * The fact sheet as PDF: the XHTML of {@link FactSheetPage} laid out by openhtmltopdf, its inline
 * SVG charts drawn as vector graphics by Batik. The page and the PDF thus show the same figures.
 */
public final class FactSheetPdf {

    static {
        // Its CSS parser warns about every SVG presentation property and screen-only style it does
        // not lay out itself (Batik draws the SVG): noise in the service log, so errors only.
        XRLog.setLevel(XRLog.CSS_PARSE, Level.SEVERE);
    }

    private FactSheetPdf() {
    }

    /** @param baseUri the page's own address, against which relative links in the PDF resolve */
    public static byte[] render(String xhtml, String baseUri, String title) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.withHtmlContent(xhtml.strip(), baseUri);
        builder.withProducer("EMI Streams");
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the fact sheet PDF could not be written: " + title, e);
        }
        return pdf.toByteArray();
    }
}
