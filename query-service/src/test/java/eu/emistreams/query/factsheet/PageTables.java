package eu.emistreams.query.factsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import eu.emistreams.query.export.FactSheetWorkbook;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The data tables of a rendered fact sheet page, and their comparison with the fact sheet's workbook. */
public final class PageTables {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private PageTables() {
    }

    /** Figure number to its table's rows, the header row first, as the page shows them. */
    public static Map<Integer, List<List<String>>> of(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.strip().getBytes(StandardCharsets.UTF_8)));
        Map<Integer, List<List<String>>> tables = new TreeMap<>();
        NodeList figures = document.getElementsByTagNameNS(XHTML, "figure");
        for (int i = 0; i < figures.getLength(); i++) {
            Element figure = (Element) figures.item(i);
            int number = Integer.parseInt(figure.getAttribute("data-figure"));
            List<List<String>> rows = new ArrayList<>();
            NodeList trs = figure.getElementsByTagNameNS(XHTML, "tr");
            for (int r = 0; r < trs.getLength(); r++) {
                List<String> cells = new ArrayList<>();
                NodeList children = trs.item(r).getChildNodes();
                for (int c = 0; c < children.getLength(); c++) {
                    Node child = children.item(c);
                    if (child instanceof Element cell && ("td".equals(cell.getLocalName()) || "th".equals(cell.getLocalName()))) {
                        cells.add(cell.getTextContent());
                    }
                }
                rows.add(cells);
            }
            tables.put(number, rows);
        }
        return tables;
    }

    /**
     * Every cell of every figure sheet equals the page's table: the same text as shown, and a
     * number of the page is a numeric cell of exactly that value.
     *
     * @return the number of cells compared
     */
    public static int assertWorkbookMatches(Map<Integer, List<List<String>>> tables, byte[] xlsx) throws Exception {
        int compared = 0;
        DataFormatter shown = new DataFormatter(java.util.Locale.ROOT);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            assertEquals(tables.size() + 1, workbook.getNumberOfSheets());
            assertNotNull(workbook.getSheet(FactSheetWorkbook.DEFINITIONS_SHEET));
            for (Map.Entry<Integer, List<List<String>>> table : tables.entrySet()) {
                Sheet sheet = workbook.getSheet(FactSheetWorkbook.sheetName(table.getKey()));
                assertNotNull(sheet, "sheet of figure " + table.getKey());
                List<List<String>> rows = table.getValue();
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.getRow(FactSheetWorkbook.HEADER_ROW + r);
                    assertNotNull(row, "figure " + table.getKey() + " row " + r);
                    List<String> cells = rows.get(r);
                    assertEquals(cells.size(), row.getLastCellNum(), "figure " + table.getKey() + " row " + r);
                    for (int c = 0; c < cells.size(); c++) {
                        Cell cell = row.getCell(c);
                        String where = "figure " + table.getKey() + " row " + r + " column " + c;
                        assertEquals(cells.get(c), shown.formatCellValue(cell), where);
                        if (r > 0 && c > 0 && cells.get(c).matches("-?[0-9]+(\\.[0-9]+)?")) {
                            assertEquals(CellType.NUMERIC, cell.getCellType(), where);
                            assertEquals(new BigDecimal(cells.get(c)).doubleValue(), cell.getNumericCellValue(), 0d, where);
                        }
                        compared++;
                    }
                }
            }
        }
        return compared;
    }
}
