package eu.emistreams.query.factsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.query.export.FactSheetWorkbook;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/** The fact sheet's workbook against the tables of the page rendered from the same content. */
class FactSheetWorkbookTest {

    private static final Instant GENERATED = Instant.parse("2026-11-25T10:00:00Z");

    private final FactSheetPage page = new FactSheetPage(StandaloneTemplates.engine());

    @Test
    void everyCellOfEveryFigureSheetIsTheNumberOfThePage() throws Exception {
        FactSheetContent content = FactSheetContent.of(FactSheetFixture.belgiumData());
        Map<Integer, List<List<String>>> tables = PageTables.of(page.page(content, GENERATED));
        assertEquals(9, tables.size());
        byte[] xlsx = FactSheetWorkbook.render(FactSheetPage.view(content, GENERATED));
        int compared = PageTables.assertWorkbookMatches(tables, xlsx);
        assertTrue(compared > 200, "compared " + compared + " cells");
    }

    @Test
    void theEu27AndThePeersAreInTheSheetsAsOnThePage() throws Exception {
        FactSheetContent content = FactSheetContent.of(FactSheetFixture.belgiumWithBenchmarksData());
        Map<Integer, List<List<String>>> tables = PageTables.of(page.page(content, GENERATED));
        byte[] xlsx = FactSheetWorkbook.render(FactSheetPage.view(content, GENERATED));
        PageTables.assertWorkbookMatches(tables, xlsx);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet figure1 = workbook.getSheet(FactSheetWorkbook.sheetName(1));
            assertEquals(ChartSpec.EU27_SHARE_HEADER, figure1.getRow(FactSheetWorkbook.HEADER_ROW).getCell(4).getStringCellValue());
            // Agri-Food, the second ecosystem: the EU27's 1.50 % as a number.
            assertEquals(1.5, figure1.getRow(FactSheetWorkbook.HEADER_ROW + 2).getCell(4).getNumericCellValue());
            List<String> figure5Labels = new ArrayList<>();
            workbook.getSheet(FactSheetWorkbook.sheetName(5)).forEach(row -> {
                if (row.getRowNum() > FactSheetWorkbook.HEADER_ROW && row.getCell(0) != null) {
                    figure5Labels.add(row.getCell(0).getStringCellValue());
                }
            });
            assertTrue(figure5Labels.contains("Solar Power: Japan"), figure5Labels.toString());
            assertTrue(figure5Labels.contains("Biotechnology: United States"), figure5Labels.toString());
        }
    }

    @Test
    void theDefinitionsSheetNamesTheSourcesTheReleasesAndTheIndicators() throws Exception {
        FactSheetContent content = FactSheetContent.of(FactSheetFixture.belgiumData());
        byte[] xlsx = FactSheetWorkbook.render(FactSheetPage.view(content, GENERATED));
        List<String> texts = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            workbook.getSheet(FactSheetWorkbook.DEFINITIONS_SHEET).forEach(row -> row.forEach(cell -> texts.add(cell.getStringCellValue())));
        }
        String all = String.join("\n", texts);
        assertTrue(all.contains("PATSTAT") && all.contains(FactSheetFixture.PATSTAT_RELEASE), all);
        assertTrue(all.contains(FactSheetFixture.CONCORDANCE), all);
        for (String indicator : FactSheetAssembler.INDICATORS) {
            assertTrue(texts.contains(indicator), indicator);
        }
        assertTrue(all.contains("Source: EMI Streams based on PATSTAT"), all);
    }

    @Test
    void aFigureWithoutDataSaysSoInItsSheet() throws Exception {
        FactSheetContent content = FactSheetContent.of(FactSheetAssembler.assemble("BE", List.of()));
        byte[] xlsx = FactSheetWorkbook.render(FactSheetPage.view(content, GENERATED));
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            assertEquals(10, workbook.getNumberOfSheets());
            assertEquals(DataSource.PATENTS.noDataMessage(), workbook.getSheet(FactSheetWorkbook.sheetName(1))
                    .getRow(FactSheetWorkbook.HEADER_ROW).getCell(0).getStringCellValue());
        }
    }
}
