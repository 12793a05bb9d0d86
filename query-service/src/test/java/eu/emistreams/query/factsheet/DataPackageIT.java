package eu.emistreams.query.factsheet;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.emistreams.query.export.ExportFormat;
import eu.emistreams.query.export.ExportRow;
import eu.emistreams.query.export.XlsxExport;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import eu.emistreams.query.testing.InstanceAddressResource;
import eu.emistreams.query.testing.StackClients;
import eu.emistreams.stack.test.EmiStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data packages against the real broker and registry: the Belgium of {@link FactSheetFixture}
 * and a few values with many digits are published, then every CSV and XLSX export is read back
 * (commons-csv, POI) and compared cell by cell with the JSON of {@code /api/indicators} for the same
 * filters; bad parameters get the very problem bodies of {@code /api/indicators}; the fact sheet
 * workbook equals the tables of the fact sheet page.
 */
@QuarkusTest
@QuarkusTestResource(value = EmiStackTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = InstanceAddressResource.class, restrictToAnnotatedClass = false)
class DataPackageIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Digits a spreadsheet must not lose, for a country and year no other test uses. */
    private static final List<IndicatorRowWithProvenance> DIGITS = List.of(
            new IndicatorRowWithProvenance("patent.count", "US", "D.AI", 2003, 1234.5678901234567,
                    Map.of("patstat", "2024-spring"), "test-1"),
            new IndicatorRowWithProvenance("patent.count", "US", "D.BD", 2003, 1.0E-7,
                    Map.of("patstat", "2024-spring"), "test-1"),
            new IndicatorRowWithProvenance("investment.pe_vc_usd", "US", "AGRI", 2003, 98_765_432_109.5,
                    Map.of("crunchbase", "crunchbase-2024"), "test-1"));

    private static final List<String> QUERIES = List.of(
            "country=BE",
            "country=BE&indicator=patent.world_share&code=AGRI",
            "country=be&indicator=patent.eu27_rank&indicator=trade.balance&year=2020",
            "country=US&year=2003",
            "country=BE&year=1900");

    private static StackClients stack;

    @BeforeAll
    static void publish() throws Exception {
        stack = new StackClients();
        List<IndicatorRowWithProvenance> rows = new ArrayList<>(FactSheetFixture.belgium());
        rows.addAll(DIGITS);
        stack.publishRows(rows);
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (String indicator : FactSheetAssembler.INDICATORS) {
                long expected = FactSheetFixture.belgium().stream().filter(row -> row.indicator().equals(indicator)).count();
                Response response = given().port(port()).get("/api/indicators?country=BE&indicator=" + indicator);
                response.then().statusCode(200);
                assertTrue(response.jsonPath().getList("$").size() >= expected, indicator);
            }
            given().port(port()).get("/api/indicators?country=US&year=2003").then().statusCode(200);
            assertEquals(DIGITS.size(), JSON.readTree(given().port(port()).get("/api/indicators?country=US&year=2003")
                    .asString()).size());
        });
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    @Test
    void theCsvIsTheJsonAnswerWithLabelsUnitsAndProvenance() throws Exception {
        for (String query : QUERIES) {
            JsonNode expected = indicators(query);
            JsonNode provenance = withProvenance(query);
            assertEquals(expected.size(), provenance.size(), query);
            Response csv = given().get("/api/export?" + query);
            csv.then().statusCode(200);
            assertTrue(csv.contentType().startsWith(ExportFormat.CSV_MEDIA_TYPE), csv.contentType());
            assertEquals("attachment; filename=\"emi-indicators.csv\"", csv.header("Content-Disposition"));
            try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(new String(csv.asByteArray(), StandardCharsets.UTF_8)))) {
                assertEquals(ExportRow.COLUMNS, parser.getHeaderNames());
                List<CSVRecord> records = parser.getRecords();
                assertEquals(expected.size(), records.size(), query);
                for (int i = 0; i < records.size(); i++) {
                    JsonNode row = expected.get(i);
                    CSVRecord record = records.get(i);
                    String where = query + " row " + i;
                    assertEquals(row.get("indicator").asText(), record.get("indicator"), where);
                    assertEquals(row.get("country").asText(), record.get("country"), where);
                    assertEquals(row.get("code").asText(), record.get("code"), where);
                    assertEquals(CodeLabels.label(row.get("code").asText()), record.get("code_label"), where);
                    assertEquals(row.get("year").asInt(), Integer.parseInt(record.get("year")), where);
                    assertEquals(row.get("value").asDouble(), Double.parseDouble(record.get("value")), 0d, where);
                    assertTrue(!record.get("unit").isBlank(), where);
                    assertEquals(releases(provenance.get(i)), record.get("source_releases"), where);
                    assertEquals(provenance.get(i).get("concordanceVersion").asText(), record.get("concordance_version"), where);
                }
            }
        }
    }

    @Test
    void theXlsxIsTheJsonAnswerWithNumbersAsNumbers() throws Exception {
        for (String query : QUERIES) {
            JsonNode expected = indicators(query);
            JsonNode provenance = withProvenance(query);
            for (boolean byAccept : List.of(true, false)) {
                Response xlsx = byAccept
                        ? given().accept(ExportFormat.XLSX_MEDIA_TYPE).get("/api/export?" + query)
                        : given().accept("text/csv").get("/api/export?" + query + "&format=xlsx");
                xlsx.then().statusCode(200);
                assertEquals(ExportFormat.XLSX_MEDIA_TYPE, xlsx.contentType());
                assertEquals("attachment; filename=\"emi-indicators.xlsx\"", xlsx.header("Content-Disposition"));
                try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx.asByteArray()))) {
                    Sheet sheet = workbook.getSheet(XlsxExport.DATA_SHEET);
                    assertEquals(expected.size(), sheet.getLastRowNum(), query);
                    for (int i = 0; i < expected.size(); i++) {
                        JsonNode json = expected.get(i);
                        Row row = sheet.getRow(i + 1);
                        String where = query + " row " + i;
                        assertEquals(json.get("indicator").asText(), row.getCell(0).getStringCellValue(), where);
                        assertEquals(json.get("country").asText(), row.getCell(1).getStringCellValue(), where);
                        assertEquals(json.get("code").asText(), row.getCell(2).getStringCellValue(), where);
                        assertEquals(CodeLabels.label(json.get("code").asText()), row.getCell(3).getStringCellValue(), where);
                        Cell year = row.getCell(4);
                        Cell value = row.getCell(5);
                        assertEquals(CellType.NUMERIC, year.getCellType(), where);
                        assertEquals(CellType.NUMERIC, value.getCellType(), where);
                        assertEquals(json.get("year").asInt(), year.getNumericCellValue(), 0d, where);
                        assertEquals(json.get("value").asDouble(), value.getNumericCellValue(), 0d, where);
                        assertEquals(releases(provenance.get(i)), row.getCell(7).getStringCellValue(), where);
                        assertEquals(provenance.get(i).get("concordanceVersion").asText(), row.getCell(8).getStringCellValue(),
                                where);
                    }
                    List<String> about = new ArrayList<>();
                    workbook.getSheet(XlsxExport.ABOUT_SHEET).forEach(r -> r.forEach(c -> about.add(c.getStringCellValue())));
                    assertTrue(about.stream().anyMatch(text -> text.startsWith("GET /api/export?" + query)), about.toString());
                }
            }
        }
    }

    @Test
    void badParametersGetTheProblemsOfTheIndicators() throws Exception {
        for (String query : List.of("year=20x0", "country=BEL", "country=XX", "country=el",
                "indicator=patent.nothing", "code=NOPE", "year=-1", "year=99999999999999999999", "country=%00")) {
            Response indicators = given().get("/api/indicators?" + query);
            Response export = given().get("/api/export?" + query);
            assertEquals(indicators.statusCode(), export.statusCode(), query);
            assertTrue(export.statusCode() == 400 || export.statusCode() == 404, query + " " + export.statusCode());
            assertEquals(JSON.readTree(indicators.asString()), JSON.readTree(export.asString()), query);
            assertTrue(export.contentType().startsWith("application/problem+json"), export.contentType());
        }
        given().get("/api/export?format=json").then().statusCode(400)
                .body("parameter", org.hamcrest.Matchers.equalTo("format"));
        // An unknown parameter is refused alike, naming export's own list, which has format too.
        given().get("/api/export?contry=BE").then().statusCode(400)
                .body("parameter", org.hamcrest.Matchers.equalTo("contry"))
                .body("detail", org.hamcrest.Matchers.containsString("format"));
    }

    @Test
    void theFactSheetWorkbookHasTheNumbersOfThePage() throws Exception {
        String html = given().get("/factsheet/BE").then().statusCode(200).extract().asString();
        assertTrue(html.contains("/factsheet/BE.xlsx"), "the page links the workbook");
        Response xlsx = given().get("/factsheet/be.xlsx");
        xlsx.then().statusCode(200);
        assertEquals(ExportFormat.XLSX_MEDIA_TYPE, xlsx.contentType());
        assertEquals("attachment; filename=\"emi-factsheet-BE.xlsx\"", xlsx.header("Content-Disposition"));
        Map<Integer, List<List<String>>> tables = PageTables.of(html);
        assertEquals(9, tables.size());
        assertTrue(PageTables.assertWorkbookMatches(tables, xlsx.asByteArray()) > 200);
        given().get("/factsheet/US.xlsx").then().statusCode(404).body("title", org.hamcrest.Matchers.equalTo("Unknown country"));
        given().get("/factsheet/BE.xlsx?x=1").then().statusCode(400);
    }

    @Test
    void theOpenApiDocumentHasTheDataPackages() throws Exception {
        JsonNode paths = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString())
                .path("paths");
        JsonNode export = paths.path("/api/export").path("get");
        List<String> parameters = new ArrayList<>();
        export.path("parameters").forEach(parameter -> parameters.add(parameter.path("name").asText()));
        assertEquals(List.of("code", "country", "format", "indicator", "variant", "year"), parameters.stream().sorted().toList());
        assertTrue(export.path("responses").has("413"), export.toString());
        assertTrue(paths.fieldNames().hasNext());
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        assertTrue(names.stream().anyMatch(name -> name.startsWith("/factsheet/") && name.endsWith(".xlsx")), names.toString());
    }

    private static JsonNode indicators(String query) throws Exception {
        Response response = given().get("/api/indicators?" + query);
        response.then().statusCode(200);
        return JSON.readTree(response.asString());
    }

    /** The rows with their provenance, from the internal endpoint the fact sheet's sources come from (one instance here). */
    private static JsonNode withProvenance(String query) throws Exception {
        Response response = given().get("/internal/indicators/with-provenance?local=true&" + query);
        response.then().statusCode(200);
        return JSON.readTree(response.asString());
    }

    /** {@code patstat=2024-spring; ...} in the order of the source names. */
    private static String releases(JsonNode row) {
        java.util.TreeMap<String, String> releases = new java.util.TreeMap<>();
        row.get("releases").fields().forEachRemaining(entry -> releases.put(entry.getKey(), entry.getValue().asText()));
        return String.join("; ", releases.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
    }

    private static int port() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }
}
