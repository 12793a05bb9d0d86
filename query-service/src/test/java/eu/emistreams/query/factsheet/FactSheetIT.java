package eu.emistreams.query.factsheet;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import eu.emistreams.query.testing.InstanceAddressResource;
import eu.emistreams.query.testing.Records;
import eu.emistreams.query.testing.StackClients;
import eu.emistreams.stack.test.EmiStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;

/**
 * The fact sheet of Belgium against the real broker and registry: the indicators of
 * {@link FactSheetFixture} are published to the four indicator topics as the indicator service
 * publishes them (Avro through the registry), with EU27 world shares for the comparison, and the
 * EU27's and the peers' values shown beside Belgium's ({@link FactSheetFixture#benchmarks()}). The page
 * is then opened in Debian's headless Chromium: nine charts with data, the EU27 ticks and the peer
 * lines where they have values, no console error, a screenshot under {@code target/factsheet-screenshots/};
 * a new value updates the open page without a reload; the PDF is read back with PDFBox.
 */
@QuarkusTest
@QuarkusTestResource(value = EmiStackTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = InstanceAddressResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FactSheetIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final Path ARTIFACTS = FactSheetDocumentTest.ARTIFACTS;
    private static final int COMPARISON_YEAR = 2020;

    private static StackClients stack;

    @BeforeAll
    static void publishBelgiumAndTheEu27() throws Exception {
        stack = new StackClients();
        List<IndicatorRowWithProvenance> rows = new ArrayList<>(FactSheetFixture.belgium());
        int index = 0;
        for (String country : EmiCodes.EU27) {
            index++;
            if (!country.equals(FactSheetFixture.COUNTRY)) {
                rows.add(new IndicatorRowWithProvenance(FactSheetAssembler.WORLD_SHARE, country, "AGRI", COMPARISON_YEAR,
                        index * 0.25, Map.of("patstat", FactSheetFixture.PATSTAT_RELEASE), FactSheetFixture.CONCORDANCE));
            }
        }
        // The release covers priority years up to 2022 (an application of another country), so 2021
        // and 2022 are provisional and Belgium's 2020 is not.
        for (int year : List.of(2021, 2022)) {
            rows.add(new IndicatorRowWithProvenance(FactSheetAssembler.PATENT_COUNT, "DE", "AGRI", year, 3.0,
                    Map.of("patstat", FactSheetFixture.PATSTAT_RELEASE), FactSheetFixture.CONCORDANCE));
        }
        rows.addAll(FactSheetFixture.benchmarks());
        stack.publishRows(rows);
        long peerValues = FactSheetFixture.benchmarks().stream().filter(row -> EmiCodes.isPeer(row.country())).count();
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            given().port(port()).get("/api/indicators?country=EU27&indicator=patent.country_share&year=2020")
                    .then().statusCode(200).body("size()", greaterThanOrEqualTo(EmiCodes.ALL.size() - 2));
            given().port(port()).get("/api/indicators?country=US&country=CN&country=JP&country=KR&indicator=patent.world_share")
                    .then().statusCode(200).body("size()", greaterThanOrEqualTo((int) peerValues));
            for (String indicator : FactSheetAssembler.INDICATORS) {
                long expected = FactSheetFixture.belgium().stream().filter(row -> row.indicator().equals(indicator)).count();
                // Before the first test RestAssured does not know the port yet.
                Response response = given().port(port()).get("/api/indicators?country=BE&indicator=" + indicator);
                response.then().statusCode(200);
                // Other tests of this JVM may add Belgian values of their own years.
                assertTrue(response.jsonPath().getList("$").size() >= expected, indicator);
            }
            given().port(port()).get("/api/indicators?indicator=patent.world_share&code=AGRI&year=" + COMPARISON_YEAR)
                    .then().statusCode(200).body("size()", equalTo(27));
        });
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    private static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private static List<LogEntry> errors(List<LogEntry> entries) {
        return entries.stream().filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    @Test
    @Order(1)
    void unknownCountriesAndParametersAreProblems() {
        given().get("/factsheet/XX").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Unknown country"))
                .body("detail", startsWith("XX is not an ISO 3166-1 alpha-2 country code"));
        given().get("/factsheet/US").then().statusCode(404).body("detail", containsString("not an EU27 member state"));
        given().get("/factsheet/el").then().statusCode(404).body("detail", containsString("use GR"));
        given().get("/factsheet/XX.pdf").then().statusCode(404).body("title", equalTo("Unknown country"));
        given().get("/factsheet/XX/events").then().statusCode(404).body("title", equalTo("Unknown country"));
        given().get("/factsheet/BE?fragmnt=true").then().statusCode(400).body("parameter", equalTo("fragmnt"));
        given().get("/factsheet/compare?indicator=patent.nothing").then().statusCode(404)
                .body("title", equalTo("Unknown indicator"));
        given().get("/factsheet/compare?year=20x0").then().statusCode(400).body("parameter", equalTo("year"));
    }

    @Test
    @Order(2)
    void theIndexListsTheEu27AndTheComparisonShowsOneIndicatorAcrossThem() {
        String index = given().get("/factsheet").then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        for (String country : EmiCodes.EU27) {
            assertTrue(index.contains("href=\"/factsheet/" + country + "\""), country);
            assertTrue(index.contains("href=\"/factsheet/" + country + ".pdf\""), country);
        }
        String comparison = given().get("/factsheet/compare?indicator=patent.world_share&code=AGRI&year=" + COMPARISON_YEAR)
                .then().statusCode(200).extract().asString();
        assertTrue(comparison.contains("data-has-chart=\"true\""));
        assertEquals(27, comparison.split("<th scope=\"row\">").length - 1, "one row per member state");
        // Slovakia has the highest of the made-up values (last of the sorted EU27, 27 x 0.25), Austria the lowest.
        assertTrue(comparison.indexOf("<th scope=\"row\">Slovakia</th>") < comparison.indexOf("<th scope=\"row\">Austria</th>"));
    }

    @Test
    @Order(3)
    void thePageRendersNineChartsWithDataInARealBrowserAndFollowsNewData() throws Exception {
        try (ChromiumBrowser browser = ChromiumBrowser.start()) {
            ChromeDriver driver = browser.driver();
            driver.get(baseUrl() + "/factsheet/BE");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertEquals(9, driver.findElements(By.cssSelector("figure[data-has-chart='true'] .chart svg")).size()));
            JavascriptExecutor js = driver;
            for (int number = 1; number <= 9; number++) {
                WebElement figure = driver.findElement(By.id("figure-" + number));
                WebElement svg = figure.findElement(By.cssSelector(".chart svg"));
                assertTrue(svg.getSize().getWidth() > 300 && svg.getSize().getHeight() > 150,
                        "figure " + number + " is drawn at " + svg.getSize());
                long marks = (Long) js.executeScript(
                        "return arguments[0].querySelectorAll('path, rect, line, polyline, polygon, ellipse, circle').length;", svg);
                long labels = (Long) js.executeScript("return arguments[0].querySelectorAll('text').length;", svg);
                assertTrue(marks > 10 && labels > 5, "figure " + number + " has " + marks + " marks and " + labels + " labels");
                assertTrue(figure.findElements(By.cssSelector("table.data tbody tr")).size() >= 4, "figure " + number + " table");
                assertTrue(figure.findElement(By.cssSelector("figcaption")).getText().startsWith("Figure " + number + ":"));
                assertTrue(figure.findElement(By.cssSelector(".source")).getText().contains("release"),
                        "figure " + number + " names its release");
            }
            assertEu27TicksOnTheirBars(js);
            assertPeerLinesBesideBelgiums(driver, js, 10);
            assertTrue(driver.findElements(By.cssSelector("#key-highlights li")).size() >= 8);
            assertTrue(driver.findElement(By.id("key-highlights")).getText().contains("Agri-Food (6th)"));
            browser.screenshotWholePage(ARTIFACTS.resolve("factsheet-BE.png"));
            assertTrue(Files.size(ARTIFACTS.resolve("factsheet-BE.png")) > 50_000);
            assertEquals(List.of(), errors(browser.consoleEntries()), "console errors");

            // A new value reaches the open page through the event stream, without a reload.
            String before = driver.findElement(By.id("factsheet-body")).getAttribute("data-version");
            js.executeScript("window.__notReloaded = true;");
            stack.publishRows(List.of(FactSheetFixture.row(FactSheetAssembler.COUNTRY_SHARE, "AGRI", 2020, 42.5)));
            // The page replaces the figure's table when the value arrives: an element found just
            // before may be gone when it is read, which is the update arriving, not a failure.
            await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250))
                    .ignoreException(org.openqa.selenium.StaleElementReferenceException.class).untilAsserted(() -> assertTrue(
                    driver.findElement(By.cssSelector("#figure-1 table.data")).getText().contains("42.5")));
            assertEquals(Boolean.TRUE, js.executeScript("return window.__notReloaded === true;"), "the page was reloaded");
            assertTrue(!before.equals(driver.findElement(By.id("factsheet-body")).getAttribute("data-version")));
            assertTrue(driver.findElement(By.id("technology-development")).getText().contains("Agri-Food (42.5%)"),
                    "the section text follows the new value");
            assertEquals(9, driver.findElements(By.cssSelector("figure[data-has-chart='true'] .chart svg")).size());
            assertTrue(driver.findElement(By.id("live-status")).getText().startsWith("Live: updated"));
            assertEquals(List.of(), errors(browser.consoleEntries()), "console errors after the update");

            driver.get(baseUrl() + "/factsheet/compare?indicator=patent.world_share&code=AGRI&year=" + COMPARISON_YEAR);
            assertEquals(27, driver.findElements(By.cssSelector("#comparison table.data tbody tr")).size());
            assertTrue(driver.findElement(By.cssSelector("#comparison .chart svg")).getSize().getHeight() > 300);
            browser.screenshotWholePage(ARTIFACTS.resolve("compare-patent.world_share-AGRI.png"));
            assertEquals(List.of(), errors(browser.consoleEntries()), "console errors on the comparison page");
        }
    }

    @Test
    @Order(5)
    void provisionalYearsAreMarkedAndNoRankOrTrendIsDrawnFromThem() throws Exception {
        given().get("/api/indicators?indicator=patent.count&country=DE&year=2022").then().statusCode(200)
                .body("[0].provisional", equalTo(true));
        given().get("/api/indicators?indicator=patent.world_share&country=BE&code=AGRI&year=2020").then().statusCode(200)
                .body("[0].provisional", equalTo(false));
        given().get("/api/indicators?indicator=trade.balance&country=BE&code=AGRI").then().statusCode(200)
                .body("[0].provisional", org.hamcrest.Matchers.nullValue());

        // Belgium's provisional 2021 and 2022: first rank in Agri-Food, and a leap of its world shares.
        List<IndicatorRowWithProvenance> recent = new ArrayList<>();
        for (int year : List.of(2021, 2022)) {
            List<String> codes = new ArrayList<>(EmiCodes.ECOSYSTEMS);
            codes.addAll(CodeLabels.GREEN);
            codes.addAll(CodeLabels.DIGITAL);
            for (String code : codes) {
                recent.add(FactSheetFixture.row(FactSheetAssembler.COUNTRY_SHARE, code, year, 5.0));
                recent.add(FactSheetFixture.row(FactSheetAssembler.EU27_RANK, code, year, code.equals("AGRI") ? 1 : 20));
            }
            for (String code : List.of("AGRI", "G.REN.SOLAR", "G.REN.WIND")) {
                recent.add(FactSheetFixture.row(FactSheetAssembler.WORLD_SHARE, code, year, 9.0 + year - 2021));
                recent.add(FactSheetFixture.row(FactSheetAssembler.PATENT_COUNT, code, year, 50));
            }
        }
        stack.publishRows(recent);
        try (ChromiumBrowser browser = ChromiumBrowser.start()) {
            ChromeDriver driver = browser.driver();
            await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                driver.get(baseUrl() + "/factsheet/BE");
                assertTrue(driver.findElement(By.cssSelector("#figure-1 figcaption")).getText().contains("(2022)"));
            });
            for (int number : List.of(1, 4, 5, 7)) {
                WebElement note = driver.findElement(By.cssSelector("#figure-" + number + " .provisional-note"));
                assertTrue(note.isDisplayed(), "figure " + number + " shows its provisional note");
                assertTrue(note.getText().startsWith("Provisional: "), note.getText());
            }
            assertTrue(driver.findElement(By.cssSelector("#figure-1 .provisional-note")).getText().contains("2022"));
            assertTrue(driver.findElement(By.cssSelector("#figure-5 .provisional-note")).getText().contains("2021 and 2022"));
            JavascriptExecutor js = driver;
            String figure5 = (String) js.executeScript("return document.querySelector('#figure-5 .chart svg').outerHTML;");
            assertTrue(figure5.contains("stroke-dasharray"), "figure 5 draws its provisional segments dashed");
            assertTrue(driver.findElement(By.cssSelector("#figure-1 .chart svg")).getText().contains("2022 provisional")
                    || ((String) js.executeScript("return document.querySelector('#figure-1 .chart svg').textContent;"))
                            .contains("2022 provisional"), "figure 1's legend names the provisional year");
            assertEquals(0, driver.findElements(By.cssSelector("#figure-6 .provisional-note")).size(), "production is not patents");
            // The EU27 has no share of 2022: figure 1 draws no tick and its table no EU27 column.
            assertEquals(0, drawnShapes(js, 1).stream().filter(shape -> shape.fill().equals(css(FigureRenderer.EU27_TICK))).count());
            assertTrue(!driver.findElement(By.cssSelector("#figure-1 table.data thead")).getText()
                    .contains(ChartSpec.EU27_SHARE_HEADER));
            // The peers' lines end with their last value, 2020: no segment into 2021 or 2022.
            assertPeerLinesBesideBelgiums(driver, js, 10);

            String highlights = driver.findElement(By.id("key-highlights")).getText();
            assertTrue(highlights.contains("Agri-Food (6th)"), "ranks of 2020, the latest year not provisional: " + highlights);
            assertTrue(!highlights.contains("(1st)"), highlights);
            String page = driver.findElement(By.id("factsheet-body")).getText();
            assertTrue(!page.contains("to 9.00% in 2021") && !page.contains("to 10.00% in 2022")
                    && !page.contains("From 2021 to 2022"), "no trend into a provisional year");
            browser.screenshotWholePage(ARTIFACTS.resolve("factsheet-BE-provisional.png"));
            assertEquals(List.of(), errors(browser.consoleEntries()), "console errors");
        }
    }

    @Test
    @Order(6)
    void theSectionOnTheLastReleaseListsWhatItChanged() throws Exception {
        // A later PATSTAT release that revises Belgium's Agri-Food world share of 2020 (3.00 in the fixture).
        String release = "2026-autumn";
        stack.report(Records.report("patstat", release, "COMPLETED", System.currentTimeMillis(), 100, 90, 10, 0, 0));
        stack.publishRows(List.of(new IndicatorRowWithProvenance(FactSheetAssembler.WORLD_SHARE, FactSheetFixture.COUNTRY,
                "AGRI", 2020, 3.25, Map.of("patstat", release), FactSheetFixture.CONCORDANCE, 3.0)));
        try (ChromiumBrowser browser = ChromiumBrowser.start()) {
            ChromeDriver driver = browser.driver();
            await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                driver.get(baseUrl() + "/factsheet/BE");
                assertTrue(driver.findElement(By.id("changes-patstat")).getText().contains("PATSTAT, release " + release));
            });
            WebElement patents = driver.findElement(By.id("changes-patstat"));
            assertTrue(patents.isDisplayed());
            assertTrue(patents.getText().contains("It revised 1 of Belgium's fact sheet values. The revision:"), patents.getText());
            List<WebElement> rows = patents.findElements(By.cssSelector("table.revisions tbody tr"));
            assertEquals(1, rows.size());
            assertEquals("World share (%) Agri-Food 2020 3.00 3.25 +0.25", rows.get(0).getText());
            assertEquals("Every value this release changed", patents.findElement(By.cssSelector(".all-revisions a")).getText());
            assertEquals(4, driver.findElements(By.cssSelector("#release-changes .source-changes")).size(), "one per source");
            browser.screenshotWholePage(ARTIFACTS.resolve("factsheet-BE-release-changes.png"));
            assertEquals(List.of(), errors(browser.consoleEntries()), "console errors");
        }
        // The link's answer: the same revision in full.
        given().get("/api/revisions?release=" + release + "&country=BE").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].indicator", equalTo(FactSheetAssembler.WORLD_SHARE))
                .body("[0].previous", equalTo(3.0f))
                .body("[0].value", equalTo(3.25f));
    }

    /**
     * The shapes of a figure's chart as the browser lays them out: tag, computed fill and stroke,
     * and the bounding box in CSS pixels.
     */
    private record DrawnShape(String tag, String fill, String stroke, double left, double top, double width, double height) {

        double centerX() {
            return left + width / 2;
        }

        double centerY() {
            return top + height / 2;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<DrawnShape> drawnShapes(JavascriptExecutor js, int figure) {
        List<List<Object>> shapes = (List<List<Object>>) js.executeScript(
                "return Array.from(document.querySelectorAll('#figure-" + figure + " .chart svg rect, #figure-" + figure
                        + " .chart svg path, #figure-" + figure + " .chart svg line')).map(e => {"
                        + " const s = getComputedStyle(e); const r = e.getBoundingClientRect();"
                        + " return [e.tagName, s.fill, s.stroke, r.left, r.top, r.width, r.height]; });");
        return shapes.stream().map(shape -> new DrawnShape((String) shape.get(0), (String) shape.get(1), (String) shape.get(2),
                ((Number) shape.get(3)).doubleValue(), ((Number) shape.get(4)).doubleValue(),
                ((Number) shape.get(5)).doubleValue(), ((Number) shape.get(6)).doubleValue())).toList();
    }

    private static String css(java.awt.Color colour) {
        return "rgb(" + colour.getRed() + ", " + colour.getGreen() + ", " + colour.getBlue() + ")";
    }

    private static String svgText(JavascriptExecutor js, int figure) {
        return (String) js.executeScript("return document.querySelector('#figure-" + figure + " .chart svg').textContent;");
    }

    /**
     * Figure 1 in the browser: a visible EU27 tick on every bar whose code has an EU27 share, at that
     * share on the bars' own scale, none on Tourism's, the legend entry, and the share in the table.
     */
    private static void assertEu27TicksOnTheirBars(JavascriptExecutor js) {
        List<DrawnShape> shapes = drawnShapes(js, 1);
        List<DrawnShape> bars = shapes.stream()
                .filter(shape -> shape.tag().equals("rect") && shape.fill().equals(css(FigureRenderer.EU_BLUE)) && shape.height() > 8)
                .sorted(java.util.Comparator.comparingDouble(DrawnShape::top)).toList();
        assertEquals(EmiCodes.ECOSYSTEMS.size(), bars.size(), "one bar per ecosystem");
        List<DrawnShape> ticks = shapes.stream().filter(shape -> shape.fill().equals(css(FigureRenderer.EU27_TICK))).toList();
        FactSheetData expected = FactSheetFixture.belgiumWithBenchmarksData();
        double left = bars.get(0).left();
        double pixelsPerPoint = bars.get(EmiCodes.ECOSYSTEMS.indexOf("AGRI")).width() / expected.countryShares().get("AGRI");
        int drawn = 0;
        for (int i = 0; i < bars.size(); i++) {
            DrawnShape bar = bars.get(i);
            String code = EmiCodes.ECOSYSTEMS.get(i);
            List<DrawnShape> onBar = ticks.stream()
                    .filter(tick -> tick.centerY() > bar.top() && tick.centerY() < bar.top() + bar.height()).toList();
            Double eu27 = expected.benchmarks().eu27CountryShares().get(code);
            if (eu27 == null) {
                assertEquals(List.of(), onBar, code + " has no EU27 share: nothing is drawn, not a 0");
                continue;
            }
            assertEquals(1, onBar.size(), code + " has its EU27 tick");
            DrawnShape tick = onBar.get(0);
            assertTrue(tick.width() > 1 && tick.height() > 8, code + " tick is visible: " + tick);
            assertEquals(left + pixelsPerPoint * eu27, tick.centerX(), 1.5, code + " tick at the EU27 share " + eu27);
            drawn++;
        }
        assertEquals(EmiCodes.ECOSYSTEMS.size() - 1, drawn);
        assertTrue(svgText(js, 1).contains(ChartSpec.EU27_LEGEND), "the legend names the EU27");
        WebElement table = ((ChromeDriver) js).findElement(By.cssSelector("#figure-1 table.data"));
        assertTrue(table.findElement(By.cssSelector("thead")).getText().contains(ChartSpec.EU27_SHARE_HEADER));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertTrue(rows.get(EmiCodes.ECOSYSTEMS.indexOf("AGRI")).getText().endsWith(" 1.50"),
                rows.get(EmiCodes.ECOSYSTEMS.indexOf("AGRI")).getText());
        assertTrue(rows.get(EmiCodes.ECOSYSTEMS.indexOf("TOUR")).getText().endsWith(" " + DataTable.MISSING));
    }

    /**
     * Figure 5 in the browser: the lines of the United States, China and Japan beside Belgium's, in
     * their colours, each of {@code segments} segments per field (China's gap in 2015 drawn as
     * nothing), none of Korea, which has no value; the legend and the table name them.
     */
    private static void assertPeerLinesBesideBelgiums(ChromeDriver driver, JavascriptExecutor js, int segments) {
        List<DrawnShape> lines = drawnShapes(js, 5).stream()
                .filter(shape -> shape.tag().equals("line") && shape.width() > 1).toList();
        int fields = CodeLabels.GREEN_TRENDS.size();
        Map<String, Integer> expected = Map.of("US", segments * fields, "CN", (segments - 2) * fields, "JP", segments);
        expected.forEach((peer, count) -> assertEquals((long) count,
                lines.stream().filter(line -> line.stroke().equals(css(FigureRenderer.PEER_COLOURS.get(peer)))).count(),
                peer + "'s segments"));
        assertEquals(0, lines.stream().filter(line -> line.stroke().equals(css(FigureRenderer.PEER_COLOURS.get("KR")))).count());
        String legend = svgText(js, 5);
        for (String name : List.of("Belgium", "United States", "China", "Japan")) {
            assertTrue(legend.contains(name), "figure 5's legend names " + name);
        }
        assertTrue(!legend.contains("Korea"), "no value, no legend entry");
        assertTrue(driver.findElement(By.cssSelector("#figure-5 figcaption")).getText()
                .contains("beside the United States, China and Japan"));
        List<String> rows = driver.findElements(By.cssSelector("#figure-5 table.data tbody tr")).stream()
                .map(WebElement::getText).toList();
        String japan = rows.stream().filter(row -> row.startsWith("Solar Power: Japan")).findFirst().orElseThrow();
        assertTrue(japan.startsWith("Solar Power: Japan 12.5 12.5"), japan);
        String china = rows.stream().filter(row -> row.startsWith("Biotechnology: China")).findFirst().orElseThrow();
        assertTrue(china.startsWith("Biotechnology: China 10.0 11.0 12.0 13.0 14.0 n/a 16.0"), china);
    }

    @Test
    @Order(4)
    void thePdfHoldsTheNineFigures() throws Exception {
        Response response = given().get("/factsheet/BE.pdf");
        response.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("emi-factsheet-BE.pdf"));
        byte[] pdf = response.asByteArray();
        Files.createDirectories(ARTIFACTS);
        Files.write(ARTIFACTS.resolve("factsheet-BE.pdf"), pdf);
        PdfFigures figures = PdfFigures.read(pdf);
        for (int number = 1; number <= 9; number++) {
            assertTrue(figures.text().contains("Figure " + number + ":"), "caption of figure " + number);
        }
        assertTrue(figures.text().contains("Belgium"));
        assertTrue(figures.text().contains("release 2024-spring"));
        assertEquals(9, figures.drawings(), "one vector drawing per figure");
    }
}
