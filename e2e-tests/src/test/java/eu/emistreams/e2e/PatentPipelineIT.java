package eu.emistreams.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.emistreams.reference.ConcordanceRules;
import eu.emistreams.reference.Fraction;
import eu.emistreams.reference.IndicatorComparison;
import eu.emistreams.reference.IndicatorId;
import eu.emistreams.reference.PatstatRelease;
import eu.emistreams.reference.ReferencePatentIndicators;
import eu.emistreams.reference.ReleaseChanges;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.ingest.RejectedRow;
import eu.emistreams.sampledata.GeneratedRelease;
import eu.emistreams.sampledata.PatstatGenerator;
import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.test.TestStack;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system as users run it: the packaged services on the real broker and registry. Two
 * PATSTAT releases go in over HTTP, and what the query service answers must equal an independent
 * computation of indicators.md §3 on the last release alone, under the default concordance and
 * then under one loaded at run time. The steps build on each other and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PatentPipelineIT {

    private static final String SOURCE = Pipeline.SOURCE;
    private static final int TRANSNATIONAL_APPLICATIONS = 3_000;

    /** Rules of the test's own: every IPC pattern form, keywords, a child code, and a scheme patents ignore. */
    static final String TEST_CONCORDANCE = String.join("\n",
            "scheme,pattern,dimension,code",
            "IPC,H01L31/04,TECHNOLOGY,G.REN.SOLAR",
            "IPC,F03D,TECHNOLOGY,G.REN.WIND",
            "IPC,H01L,ECOSYSTEM,ELEC",
            "IPC,A61K,ECOSYSTEM,HEAL",
            "IPC,G06N3,TECHNOLOGY,D.AI",
            "IPC,H01M10/05,ECOSYSTEM,MOB",
            "KEYWORD,machine learning,TECHNOLOGY,D.AI",
            "KEYWORD,robot,TECHNOLOGY,D.AMR.ROB",
            "KEYWORD,battery,ECOSYSTEM,MOB",
            "KEYWORD,solar cell,ECOSYSTEM,REN",
            "HS6,854140,ECOSYSTEM,ELEC",
            "");

    /** Line 5 names a code that does not exist: the whole file must be refused. */
    static final String MALFORMED_CONCORDANCE = String.join("\n",
            "scheme,pattern,dimension,code",
            "IPC,H01L,ECOSYSTEM,ELEC",
            "IPC,A61K,ECOSYSTEM,HEAL",
            "KEYWORD,robot,TECHNOLOGY,D.AMR.ROB",
            "IPC,H01L31,TECHNOLOGY,G.SOLAR",
            "");

    private static final ServiceClient http = new ServiceClient();
    private static Pipeline pipeline;
    private static TestStack stack;
    private static StackSettings settings;
    private static KafkaProbe kafka;
    private static Path r1Directory;
    private static Path r2Directory;
    private static PatstatRelease r1;
    private static PatstatRelease r2;
    private static ConcordanceRules defaultRules;
    private static JsonNode r1Job;
    private static JsonNode r2Job;
    private static boolean testConcordanceLoaded;

    @BeforeAll
    static void generateReleasesAndStartTheStack() throws IOException {
        Path moduleDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path releases = moduleDir.resolve("target/e2e-releases-" + ProcessHandle.current().pid());
        PatstatGenerator generator = new PatstatGenerator();
        GeneratedRelease first = generator.generate(releases.resolve("R1"), 20_261_128L, TRANSNATIONAL_APPLICATIONS);
        GeneratedRelease second = generator.revise(first.directory(), releases.resolve("R2"), 20_261_129L, 0.05);
        r1Directory = first.directory().toAbsolutePath();
        r2Directory = second.directory().toAbsolutePath();
        r1 = PatstatRelease.read(r1Directory);
        r2 = PatstatRelease.read(r2Directory);
        defaultRules = ConcordanceRules.shipped(StackSettings.findRepositoryRoot(moduleDir));
        Pipeline.log("generated R1 (%d counted applications) and R2 (%d); starting the stack",
                r1.countedApplications().size(), r2.countedApplications().size());
        stack = TestStack.start(true);
        settings = stack.settings();
        kafka = new KafkaProbe(settings.bootstrapServers(), settings.registryUrl());
        pipeline = new Pipeline(settings);
        Pipeline.log("stack ready");
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.stop();
        }
        Pipeline.log("stack stopped");
    }

    @Test
    @Order(1)
    void afterR1ThenR2EveryIndicatorEqualsTheComputationOnR2Alone() {
        r1Job = pipeline.ingest(r1Directory, "R1");
        pipeline.awaitSettled();
        r2Job = pipeline.ingest(r2Directory, "R2");
        pipeline.awaitSettled();
        pipeline.assertIndicatorsEqual(ReferencePatentIndicators.compute(r2, defaultRules), "after R1 then R2, default concordance");
    }

    @Test
    @Order(2)
    void eachReleasePublishesItsNewAndChangedApplicationsAndRetractsTheMissingOnes() {
        assumeTrue(r2Job != null, "R2 was not ingested");
        assertAll(
                () -> Pipeline.assertEvents(ReleaseChanges.first(r1), r1Job),
                () -> Pipeline.assertEvents(ReleaseChanges.between(r1, r2), r2Job));
    }

    @Test
    @Order(3)
    void theR2ReportAccountsForEveryRowAndTheRejectsTopicNamesEachRejectedRow() {
        assumeTrue(r2Job != null, "R2 was not ingested");
        JsonNode report = r2Job.path("report");
        long read = report.path("read").asLong(-1);
        long published = report.path("published").asLong(-1);
        long ignored = report.path("ignored").asLong(-1);
        long quality = report.path("quality").asLong(-1);
        long rejected = report.path("rejected").asLong(-1);
        assertEquals(read, published + ignored + quality + rejected,
                "read = published + ignored + quality + rejected in " + report);
        assertEquals(r2.rowsRead(), read, "rows read; per table the files hold " + r2.rowsPerTable() + "; report " + report);
        assertEquals(r2.rejected().size(), rejected, "rejected rows; expected " + r2.rejected() + "; report " + report);

        // The rejects of R2, once each: a re-ingest of R2 (a later step) would add the same rows again.
        Set<String> expected = new TreeSet<>();
        r2.rejected().forEach(row -> expected.add(row.table() + ":" + row.line()));
        Set<String> onTopic = new TreeSet<>();
        List<String> unusable = new ArrayList<>();
        for (RejectedRow row : kafka.rejectedRows()) {
            if (!row.getRelease().equals("R2") || !row.getSource().equals(SOURCE)) {
                continue;
            }
            String table = PatstatRelease.TABLES.stream().filter(row.getFile()::contains).findFirst().orElse(null);
            if (table == null || row.getLine() <= 0 || row.getReason() == null || row.getReason().isBlank()) {
                unusable.add(row.toString());
                continue;
            }
            onTopic.add(table + ":" + row.getLine());
        }
        assertTrue(unusable.isEmpty(), "rejected rows without a table file, a line > 0 or a reason: " + unusable);
        assertEquals(expected, onTopic, "rejected rows (table:line) of R2 on " + EventTopics.REJECTS.name());

        JsonNode status = http.get(settings.queryUrl() + "/api/status").json();
        JsonNode patstat = status == null ? null : status.path("sources").path(SOURCE);
        assertTrue(patstat != null && patstat.path("read").isNumber(), "GET /api/status shows the patstat accounting: " + status);
        assertEquals(read, patstat.path("read").asLong(), "status and report agree on rows read: " + status);
        assertEquals(rejected, patstat.path("rejected").asLong(), "status and report agree on rejected rows: " + status);
    }

    @Test
    @Order(4)
    void ingestingR2AgainChangesAndPublishesNothing() {
        assumeTrue(r2Job != null, "R2 was not ingested");
        Map<Integer, Long> before = kafka.endOffsets(EventTopics.PATSTAT_APPLICATIONS.name());
        JsonNode again = pipeline.ingest(r2Directory, "R2");
        JsonNode report = again.path("report");
        pipeline.awaitSettled();
        Map<Integer, Long> after = kafka.endOffsets(EventTopics.PATSTAT_APPLICATIONS.name());
        assertAll(
                () -> assertEquals(0, report.path("eventsChanged").asLong(-1), "events changed on re-ingest: " + report),
                () -> assertEquals(0, report.path("eventsRetracted").asLong(-1), "events retracted on re-ingest: " + report),
                () -> assertEquals(before, after, "end offsets of " + EventTopics.PATSTAT_APPLICATIONS.name() + " moved on re-ingest"),
                () -> pipeline.assertIndicatorsEqual(ReferencePatentIndicators.compute(r2, defaultRules), "after R2 again"));
    }

    @Test
    @Order(5)
    void aConcordanceLoadedAtRunTimeReclassifiesEverythingIngested() {
        assumeTrue(r2Job != null, "R2 was not ingested");
        ServiceClient.Answer answer = http.putCsv(concordanceUrl("test.csv"), TEST_CONCORDANCE);
        assertEquals(200, answer.status(), "loading the test concordance: " + answer);
        testConcordanceLoaded = true;
        pipeline.awaitSettled();
        pipeline.assertIndicatorsEqual(ReferencePatentIndicators.compute(r2, ConcordanceRules.parse(TEST_CONCORDANCE)),
                "under the test concordance");
    }

    @Test
    @Order(6)
    void aMalformedConcordanceIsRefusedWholeAndTheRulesInForceStay() {
        assumeTrue(testConcordanceLoaded, "the test concordance was not loaded");
        ServiceClient.Answer badCode = http.putCsv(concordanceUrl("malformed.csv"), MALFORMED_CONCORDANCE);
        ServiceClient.Answer badHeader = http.putCsv(concordanceUrl("header.csv"),
                "scheme;pattern;dimension;code\nIPC;H01L;ECOSYSTEM;ELEC\n");
        pipeline.awaitSettled();
        assertAll(
                () -> assertEquals(400, badCode.status(), "a concordance naming an unknown code: " + badCode),
                () -> assertTrue(Pattern.compile("(?i)line\\D{0,3}5\\b").matcher(badCode.text()).find(),
                        "the refusal names the line (5): " + badCode),
                () -> assertEquals(400, badHeader.status(), "a concordance with another header: " + badHeader),
                () -> pipeline.assertIndicatorsEqual(ReferencePatentIndicators.compute(r2, ConcordanceRules.parse(TEST_CONCORDANCE)),
                        "after refused concordances"));
        Pipeline.log("done");
    }

    @Test
    @Order(7)
    void everyEndpointOfEveryServiceAnswersBadRequestsWithoutA500OrAStackTrace() throws Exception {
        OpenApiProbe probe = new OpenApiProbe();
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (String url : List.of(settings.queryUrl(), settings.ingestUrl(), settings.classifierUrl(),
                settings.indicatorUrl())) {
            OpenApiProbe.Findings findings = probe.probe(url, TestStack.authorization());
            requests += findings.requests();
            problems.addAll(findings.problems());
        }
        Pipeline.log("%d requests with bad values from the services' OpenAPI documents: %d bad answers", requests,
                problems.size());
        assertTrue(requests > 200, "the OpenAPI documents name the operations: " + requests + " requests");
        assertEquals(List.of(), problems);
        // And the pipeline still answers as computed: the bad writes changed nothing.
        pipeline.awaitSettled();
        pipeline.assertIndicatorsEqual(ReferencePatentIndicators.compute(r2, testConcordanceLoaded
                ? ConcordanceRules.parse(TEST_CONCORDANCE) : defaultRules), "after the bad requests");
    }

    @Test
    @Order(8)
    void aVariantRuleSetRunsBesideTheRulesInForceAndEveryValueEqualsTheReferenceUnderItsRules() throws Exception {
        assumeTrue(testConcordanceLoaded, "the test concordance was not loaded");
        // The shipped rules as the variant, while the test's own are in force: two very different rule sets.
        String variant = "shipped";
        String shippedCsv = Files.readString(StackSettings.findRepositoryRoot(Path.of(System.getProperty("user.dir")))
                .resolve("classifier-service/src/main/resources/concordance/default-concordance.csv"));
        ServiceClient.Answer loaded = http.putCsv(variantUrl(variant) + "?name=default-concordance.csv", shippedCsv);
        assertEquals(200, loaded.status(), "loading the variant: " + loaded);
        pipeline.awaitSettled();
        pipeline.assertIndicatorsEqual(ReferencePatentIndicators.INDICATORS, variant,
                ReferencePatentIndicators.compute(r2, defaultRules), "under the variant " + variant);
        pipeline.assertIndicatorsEqual(ReferencePatentIndicators.compute(r2, ConcordanceRules.parse(TEST_CONCORDANCE)),
                "in force beside the variant");
        assertEquals(404, http.get(settings.queryUrl() + "/api/indicators?variant=nope").status());
        assertEquals(400, http.get(settings.queryUrl() + "/api/indicators?variant=No_Such").status());
        ServiceClient.Answer sensitivity = http.get(settings.queryUrl() + "/factsheet/DE/sensitivity?variant=" + variant);
        assertEquals(200, sensitivity.status(), "the sensitivity page: " + sensitivity);

        ServiceClient.Answer dropped = http.delete(variantUrl(variant));
        assertEquals(200, dropped.status(), "dropping the variant: " + dropped);
        pipeline.awaitSettled();
        assertEquals(404, http.get(settings.queryUrl() + "/api/indicators?variant=" + variant).status());
        assertEquals(0, kafka.latestVariantValues(variant), "every value of the dropped variant retracted");
        pipeline.assertIndicatorsEqual(ReferencePatentIndicators.compute(r2, ConcordanceRules.parse(TEST_CONCORDANCE)),
                "after the variant was dropped");
    }

    private static String variantUrl(String variant) {
        return settings.classifierUrl() + "/api/concordance/variants/" + variant;
    }

    private static String concordanceUrl(String name) {
        return settings.classifierUrl() + "/api/concordance?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

}
