package eu.emistreams.query.factsheet;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A fact sheet PDF read back with PDFBox: its text, and its drawings. openhtmltopdf draws each SVG
 * chart into a form XObject of its page, so the form XObjects of the pages are the figures.
 */
record PdfFigures(String text, int drawings, int pages) {

    static PdfFigures read(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int drawings = 0;
            for (PDPage page : document.getPages()) {
                drawings += forms(page.getResources());
            }
            return new PdfFigures(new PDFTextStripper().getText(document), drawings, document.getNumberOfPages());
        }
    }

    private static int forms(PDResources resources) throws IOException {
        if (resources == null) {
            return 0;
        }
        int forms = 0;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject) {
                forms++;
            }
        }
        return forms;
    }
}
