package eu.emistreams.query.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import eu.emistreams.query.serving.MalformedParameterException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;

/** The CSV and XLSX writers, read back with a CSV parser and with POI. */
class DataPackageTest {

    static final List<IndicatorRowWithProvenance> ROWS = List.of(
            new IndicatorRowWithProvenance("investment.pe_vc_usd", "BE", "REN", 0, 1_234_567_891.25,
                    Map.of("crunchbase", "2024-06"), "default-1"),
            new IndicatorRowWithProvenance("patent.count", "BE", "D.AI", 2020, 12.345678901234567,
                    Map.of("patstat", "2024-spring", "other", "r,\"quoted\""), "test-1"),
            new IndicatorRowWithProvenance("patent.world_share", "BE", "AGRI", 2019, 1.0E-7,
                    Map.of("patstat", "2024-spring"), "test-1"),
            new IndicatorRowWithProvenance("patent.eu27_rank", "BE", "AGRI", 2019, 3, Map.of(), ""));

    private static List<ExportRow> exported() {
        return ROWS.stream().map(ExportRow::of).toList();
    }

    @Test
    void theCsvReadsBackAsTheRowsWithEveryDigit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(exported(), out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\n"), "RFC 4180 ends records with CRLF");
        assertTrue(csv.contains("Energy – Renewables"), "UTF-8 labels");
        assertTrue(!csv.contains("E-7") && csv.contains("0.0000001"), "no exponent: " + csv);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            assertEquals(ExportRow.COLUMNS, parser.getHeaderNames());
            List<CSVRecord> records = parser.getRecords();
            assertEquals(ROWS.size(), records.size());
            for (int i = 0; i < ROWS.size(); i++) {
                IndicatorRowWithProvenance row = ROWS.get(i);
                CSVRecord record = records.get(i);
                assertEquals(row.indicator(), record.get("indicator"));
                assertEquals(row.country(), record.get("country"));
                assertEquals(row.code(), record.get("code"));
                assertEquals(row.year(), Integer.parseInt(record.get("year")));
                assertEquals(row.value(), Double.parseDouble(record.get("value")), 0d);
                assertEquals(row.concordanceVersion(), record.get("concordance_version"));
                assertEquals(ExportRow.releases(row.releases()), record.get("source_releases"));
            }
            assertEquals("Energy – Renewables", records.get(0).get("code_label"));
            assertEquals("USD", records.get(0).get("unit"));
            assertEquals("other=r,\"quoted\"; patstat=2024-spring", records.get(1).get("source_releases"));
        }
    }

    @Test
    void theXlsxHasNumericValuesABoldFrozenHeaderAndAnAboutSheet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Instant at = Instant.parse("2026-12-07T10:15:30Z");
        XlsxExport.write(exported(), "country=BE", at, out);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet(XlsxExport.DATA_SHEET);
            Row header = sheet.getRow(0);
            for (int column = 0; column < ExportRow.COLUMNS.size(); column++) {
                assertEquals(ExportRow.COLUMNS.get(column), header.getCell(column).getStringCellValue());
                assertTrue(workbook.getFontAt(header.getCell(column).getCellStyle().getFontIndex()).getBold());
                assertTrue(sheet.getColumnWidth(column) >= 4 * 256);
            }
            assertNotNull(sheet.getPaneInformation());
            assertTrue(sheet.getPaneInformation().isFreezePane());
            assertEquals(1d, ((XSSFSheet) sheet).getCTWorksheet().getSheetViews().getSheetViewArray(0).getPane().getYSplit(), 0d);
            assertEquals(ROWS.size(), sheet.getLastRowNum());
            for (int i = 0; i < ROWS.size(); i++) {
                IndicatorRowWithProvenance row = ROWS.get(i);
                Row cells = sheet.getRow(i + 1);
                assertEquals(row.indicator(), cells.getCell(0).getStringCellValue());
                assertEquals(row.country(), cells.getCell(1).getStringCellValue());
                assertEquals(row.code(), cells.getCell(2).getStringCellValue());
                Cell year = cells.getCell(4);
                assertEquals(CellType.NUMERIC, year.getCellType());
                assertEquals(row.year(), year.getNumericCellValue(), 0d);
                Cell value = cells.getCell(5);
                assertEquals(CellType.NUMERIC, value.getCellType());
                assertEquals(row.value(), value.getNumericCellValue(), 0d);
                assertTrue(!value.getCellStyle().getDataFormatString().isBlank());
                assertEquals(ExportRow.releases(row.releases()), cells.getCell(7).getStringCellValue());
                assertEquals(row.concordanceVersion(), cells.getCell(8).getStringCellValue());
            }
            Sheet about = workbook.getSheet(XlsxExport.ABOUT_SHEET);
            List<String> texts = new ArrayList<>();
            about.forEach(row -> row.forEach(cell -> texts.add(cell.getStringCellValue())));
            assertTrue(texts.contains("GET /api/export?country=BE"), texts.toString());
            assertTrue(texts.contains(at.toString()), texts.toString());
            for (IndicatorRowWithProvenance row : ROWS) {
                assertTrue(texts.contains(IndicatorDefinitions.of(row.indicator()).definition()), row.indicator());
            }
            assertTrue(!texts.contains("trade.balance"), "only the indicators present");
        }
    }

    @Test
    void everyIndicatorOfTheContractHasAUnitAndADefinition() {
        for (String indicator : eu.emistreams.query.serving.IndicatorCatalog.INDICATORS) {
            assertTrue(!IndicatorDefinitions.of(indicator).unit().isBlank(), indicator);
            assertTrue(!IndicatorDefinitions.of(indicator).definition().isBlank(), indicator);
        }
    }

    @Test
    void anExportAboveTheLimitIsA413ProblemNamingTheLimit() {
        ExportResource.requireWithinLimit(200_000, 200_000);
        ExportTooLargeException tooLarge = assertThrows(ExportTooLargeException.class,
                () -> ExportResource.requireWithinLimit(200_001, 200_000));
        jakarta.ws.rs.core.Response answer = new ExportProblemMappers().tooLarge(tooLarge);
        assertEquals(413, answer.getStatus());
        assertEquals(eu.emistreams.query.api.Problem.MEDIA_TYPE, answer.getMediaType().toString());
        eu.emistreams.query.api.Problem problem = (eu.emistreams.query.api.Problem) answer.getEntity();
        assertEquals(413, problem.status());
        assertTrue(problem.detail().contains("200000") && problem.detail().contains("emi.query.export.max-rows"),
                problem.detail());
    }

    @Test
    void theFormatParameterWinsOverAcceptAndCsvIsTheDefault() {
        MediaType xlsx = MediaType.valueOf(ExportFormat.XLSX_MEDIA_TYPE);
        assertEquals(ExportFormat.CSV, ExportFormat.choose(null, List.of()));
        assertEquals(ExportFormat.CSV, ExportFormat.choose("", List.of(MediaType.WILDCARD_TYPE)));
        assertEquals(ExportFormat.XLSX, ExportFormat.choose(null, List.of(MediaType.WILDCARD_TYPE, xlsx)));
        assertEquals(ExportFormat.CSV, ExportFormat.choose(null, List.of(MediaType.valueOf("text/csv"), xlsx)));
        assertEquals(ExportFormat.XLSX, ExportFormat.choose(" XLSX ", List.of(MediaType.valueOf("text/csv"))));
        assertEquals(ExportFormat.CSV, ExportFormat.choose("csv", List.of(xlsx)));
        MalformedParameterException bad = assertThrows(MalformedParameterException.class,
                () -> ExportFormat.choose("json", List.of()));
        assertEquals("format", bad.parameter());
    }
}
