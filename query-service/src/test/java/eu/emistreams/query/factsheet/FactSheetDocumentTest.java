package eu.emistreams.query.factsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The page from the real templates and the PDF from the page, without Quarkus: the page is
 * well-formed XHTML with nine figures, each with a chart and its table, and the PDF holds the nine
 * captions and the nine drawings.
 */
class FactSheetDocumentTest {

    static final Path ARTIFACTS = Path.of("target", "factsheet-screenshots");
    private static final Instant GENERATED = Instant.parse("2026-11-25T10:00:00Z");

    private final FactSheetPage page = new FactSheetPage(StandaloneTemplates.engine());

    private static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.strip().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document document, String namespace, String name) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, name);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    @Test
    void thePageIsWellFormedXhtmlWithNineFiguresAndTheirData() throws Exception {
        String html = page.page(FactSheetContent.of(FactSheetFixture.belgiumData()), GENERATED);
        Document document = parse(html);
        String xhtml = "http://www.w3.org/1999/xhtml";
        List<Element> figures = elements(document, xhtml, "figure");
        assertEquals(9, figures.size());
        for (int i = 0; i < figures.size(); i++) {
            Element figure = figures.get(i);
            assertEquals(String.valueOf(i + 1), figure.getAttribute("data-figure"));
            assertEquals("true", figure.getAttribute("data-has-chart"));
            assertEquals(1, figure.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength(), "figure " + (i + 1));
            assertTrue(figure.getElementsByTagNameNS(xhtml, "tr").getLength() > 3, "figure " + (i + 1) + " has a table");
            assertTrue(figure.getTextContent().contains("Source: EMI Streams based on"), "figure " + (i + 1));
        }
        // Names are escaped once: "&" reaches the reader as "&".
        assertTrue(document.getDocumentElement().getTextContent().contains("Aerospace & Defence"));
        assertTrue(html.contains("<strong>Agri-Food</strong>"), "highlights set names in bold");
        assertTrue(html.contains("data-version=\"" + FactSheetFixture.belgiumData().version() + "\""));
        assertTrue(html.contains("src=\"/factsheet/factsheet.js\""));

        String body = page.body(FactSheetContent.of(FactSheetFixture.belgiumData()), GENERATED);
        assertEquals("factsheet-body", parse(body).getDocumentElement().getAttribute("id"));
    }

    @Test
    void everyChartHasItsOwnIds() throws Exception {
        String html = page.page(FactSheetContent.of(FactSheetFixture.belgiumData()), GENERATED);
        Document document = parse(html);
        List<String> ids = new java.util.ArrayList<>();
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        List<String> duplicates = ids.stream().filter(id -> java.util.Collections.frequency(ids, id) > 1).distinct().toList();
        assertEquals(List.of(), duplicates, "duplicate ids: a clip path would clip another chart");
    }

    @Test
    void thePdfHasTheNineFiguresWithTheirCaptions() throws IOException {
        String html = page.page(FactSheetContent.of(FactSheetFixture.belgiumData()), GENERATED);
        byte[] pdf = FactSheetPdf.render(html, "http://127.0.0.1/factsheet/BE", "Belgium");
        Files.createDirectories(ARTIFACTS);
        Files.write(ARTIFACTS.resolve("unit-BE.pdf"), pdf);
        PdfFigures figures = PdfFigures.read(pdf);
        for (int number = 1; number <= 9; number++) {
            assertTrue(figures.text().contains("Figure " + number + ":"), "caption of figure " + number);
        }
        assertTrue(figures.text().contains("Key Highlights"));
        assertEquals(9, figures.drawings(), "one vector drawing per figure");
    }

    @Test
    void aFigureWithoutDataSaysSoInThePageAndThePdf() throws Exception {
        List<IndicatorRowWithProvenance> patentsOnly = FactSheetFixture.belgium().stream()
                .filter(row -> row.indicator().startsWith("patent.")).toList();
        String html = page.page(FactSheetContent.of(FactSheetAssembler.assemble("BE", patentsOnly)), GENERATED);
        assertTrue(html.contains("No UN Comtrade data ingested yet"));
        PdfFigures figures = PdfFigures.read(FactSheetPdf.render(html, "http://127.0.0.1/factsheet/BE", "Belgium"));
        assertTrue(figures.text().contains("No Eurostat Prodcom data ingested yet"));
        assertEquals(5, figures.drawings());
    }
}
