package eu.emistreams.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.emistreams.reference.ConcordanceRules;
import eu.emistreams.reference.ReferenceSourceIndicators;
import eu.emistreams.reference.ReleaseChanges;
import eu.emistreams.reference.ReferenceSourceIndicators.Accounting;
import eu.emistreams.reference.ReferenceSourceIndicators.Result;
import eu.emistreams.sampledata.ComtradeGenerator;
import eu.emistreams.sampledata.CrunchbaseGenerator;
import eu.emistreams.sampledata.FileCompression;
import eu.emistreams.sampledata.GeneratedRelease;
import eu.emistreams.sampledata.ProdcomGenerator;
import eu.emistreams.events.EventTopics;
import eu.emistreams.stack.KafkaCredentials;
import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.test.TestStack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Trade, production and investment through the packaged services on the real broker and registry:
 * two releases of each source go in over HTTP, and what the query service answers must equal an
 * independent computation of indicators.md §5-§7 on the last release alone. The broker requires
 * SASL/SCRAM and enforces the ACLs of the services' Kubernetes KafkaUsers, each service logged in
 * as its own user: the pipeline works under least privilege, and each user is refused what is
 * not its job.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourcesPipelineIT {

    private static final int TRADE_FLOWS = 3_000;
    private static final int PRODUCTION_OBSERVATIONS = 2_000;
    private static final int FUNDING_ROUNDS = 1_000;
    private static final double REVISED_FRACTION = 0.05;

    /** One source under test: its generated releases and the reference computed on R2 alone. */
    private record Source(String name, List<String> indicators, Path r1, Path r2, Result expected,
            ReleaseChanges r2Changes) {
    }

    private static final Map<String, Source> sources = new LinkedHashMap<>();
    private static final Map<String, JsonNode> r2Jobs = new LinkedHashMap<>();
    private static final ServiceClient http = new ServiceClient();
    private static TestStack stack;
    private static Pipeline pipeline;

    @BeforeAll
    static void generateReleasesAndStartTheStack() throws IOException {
        Path moduleDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path releases = moduleDir.resolve("target/e2e-sources-" + ProcessHandle.current().pid());
        ConcordanceRules rules = ConcordanceRules.shipped(StackSettings.findRepositoryRoot(moduleDir));

        // Comtrade gzipped and Crunchbase zipped, as sources.md allows: the reference reads them the same way.
        ComtradeGenerator comtrade = new ComtradeGenerator(FileCompression.GZIP);
        GeneratedRelease tradeR1 = comtrade.generate(releases.resolve("comtrade/R1"), 20_261_201L, TRADE_FLOWS);
        GeneratedRelease tradeR2 = comtrade.revise(tradeR1.directory(), releases.resolve("comtrade/R2"), 20_261_202L,
                REVISED_FRACTION);
        add("comtrade", ReferenceSourceIndicators.TRADE_INDICATORS, tradeR1, tradeR2,
                ReferenceSourceIndicators.trade(tradeR2.directory().toAbsolutePath(), rules));

        ProdcomGenerator prodcom = new ProdcomGenerator();
        GeneratedRelease productionR1 = prodcom.generate(releases.resolve("prodcom/R1"), 20_261_203L,
                PRODUCTION_OBSERVATIONS);
        GeneratedRelease productionR2 = prodcom.revise(productionR1.directory(), releases.resolve("prodcom/R2"),
                20_261_204L, REVISED_FRACTION);
        add("prodcom", ReferenceSourceIndicators.PRODUCTION_INDICATORS, productionR1, productionR2,
                ReferenceSourceIndicators.production(productionR2.directory().toAbsolutePath(), rules));

        CrunchbaseGenerator crunchbase = new CrunchbaseGenerator(FileCompression.ZIP);
        GeneratedRelease investmentR1 = crunchbase.generate(releases.resolve("crunchbase/R1"), 20_261_205L,
                FUNDING_ROUNDS);
        GeneratedRelease investmentR2 = crunchbase.revise(investmentR1.directory(), releases.resolve("crunchbase/R2"),
                20_261_206L, REVISED_FRACTION);
        add("crunchbase", ReferenceSourceIndicators.INVESTMENT_INDICATORS, investmentR1, investmentR2,
                ReferenceSourceIndicators.investment(investmentR2.directory().toAbsolutePath(), rules));

        sources.values().forEach(source -> Pipeline.log("%s R2: %d reference indicator values, %s", source.name(),
                source.expected().indicators().size(), source.expected().accounting()));
        stack = TestStack.startSecured(true);
        pipeline = new Pipeline(stack.settings());
        Pipeline.log("stack ready");
    }

    private static void add(String name, List<String> indicators, GeneratedRelease r1, GeneratedRelease r2, Result expected) {
        // The generator knows which natural keys its revision changed, removed or kept.
        ReleaseChanges r2Changes = new ReleaseChanges(r2.fact("revision.keys.new_or_changed"),
                r2.fact("revision.keys.unchanged"), r2.fact("revision.keys.retracted"));
        sources.put(name, new Source(name, indicators, r1.directory().toAbsolutePath(), r2.directory().toAbsolutePath(),
                expected, r2Changes));
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
        // All R1s first, then all R2s: the R2s arrive while the R1s are still flowing downstream.
        sources.values().forEach(source -> pipeline.ingest(source.name(), source.r1(), "R1"));
        sources.values().forEach(source -> r2Jobs.put(source.name(), pipeline.ingest(source.name(), source.r2(), "R2")));
        pipeline.awaitSettled();
        assertAll(sources.values().stream().map(source -> () -> pipeline.assertIndicatorsEqual(source.indicators(),
                source.expected().indicators(), source.name() + " after R1 then R2")));
    }

    @Test
    @Order(2)
    void eachR2ReportAndTheStatusAccountForEveryRowAsTheContractSays() {
        assumeTrue(r2Jobs.size() == sources.size(), "not every R2 was ingested");
        assertAll(sources.values().stream().map(source -> () -> {
            JsonNode report = r2Jobs.get(source.name()).path("report");
            Accounting actual = new Accounting(report.path("read").asLong(-1), report.path("published").asLong(-1),
                    report.path("ignored").asLong(-1), report.path("quality").asLong(-1),
                    report.path("rejected").asLong(-1));
            assertEquals(actual.read(), actual.published() + actual.ignored() + actual.quality() + actual.rejected(),
                    source.name() + " R2: read = published + ignored + quality + rejected in " + report);
            assertEquals(source.expected().accounting(), actual, source.name() + " R2 buckets; report " + report);
        }));
        JsonNode status = http.get(stack.settings().queryUrl() + "/api/status").json();
        assertAll(sources.values().stream().map(source -> () -> {
            JsonNode shown = status == null ? null : status.path("sources").path(source.name());
            Accounting expected = source.expected().accounting();
            assertTrue(shown != null && shown.path("read").isNumber(), "GET /api/status shows " + source.name() + ": " + status);
            assertEquals(expected.read(), shown.path("read").asLong(), source.name() + " rows read in " + status);
            assertEquals(expected.rejected(), shown.path("rejected").asLong(), source.name() + " rows rejected in " + status);
        }));
    }

    @Test
    @Order(3)
    void eachR2PublishesItsNewAndChangedKeysAndRetractsTheMissingOnes() {
        assumeTrue(r2Jobs.size() == sources.size(), "not every R2 was ingested");
        assertAll(sources.values().stream().map(source ->
                () -> Pipeline.assertEvents(source.r2Changes(), r2Jobs.get(source.name()))));
    }

    @Test
    @Order(4)
    void eachServiceUserMayDoItsJobAndNothingElseAndStrangersAreRefused() {
        assumeTrue(stack.secured(), "the stack under test does not run its broker with SASL and ACLs");
        KafkaCredentials credentials = stack.kafkaCredentials();
        KafkaAccess kafka = new KafkaAccess(stack.bootstrapServers());
        Map<String, Object> ingest = credentials.clientProperties("emi-ingest");
        Map<String, Object> classifier = credentials.clientProperties("emi-classifier");
        Map<String, Object> indicator = credentials.clientProperties("emi-indicator");
        Map<String, Object> query = credentials.clientProperties("emi-query");
        String changelog = indicatorChangelog();
        assertAll(
                // Their jobs, as the pipeline above did them: a subscriber's read of what each publishes.
                () -> assertEquals("allowed", kafka.read(classifier, EventTopics.COMTRADE_FLOWS.name()), "classifier reads trade events"),
                () -> assertEquals("allowed", kafka.read(indicator, EventTopics.TRADE_CLASSIFIED.name()), "indicator reads classified trade"),
                () -> assertEquals("allowed", kafka.read(query, EventTopics.INDICATORS_TRADE.name()), "query reads the trade indicators"),
                // Nothing else.
                () -> assertEquals("TopicAuthorizationException", kafka.write(query, EventTopics.COMTRADE_FLOWS.name()),
                        "the query service writes a source topic"),
                () -> assertEquals("TopicAuthorizationException", kafka.read(ingest, changelog),
                        "the ingest service reads the indicator store changelog " + changelog),
                () -> assertEquals("TopicAuthorizationException", kafka.write(classifier, EventTopics.INDICATORS_TRADE.name()),
                        "the classifier writes an indicator topic"),
                () -> assertEquals("TopicAuthorizationException", kafka.read(indicator, EventTopics.COMTRADE_FLOWS.name()),
                        "the indicator service reads a source topic (it may only describe it, for the lag)"),
                () -> assertEquals("TopicAuthorizationException", kafka.write(ingest, EventTopics.INDICATORS_TRADE.name()),
                        "the ingest service writes an indicator topic"),
                () -> assertEquals("TopicAuthorizationException", kafka.createTopic(ingest, "emi.unplanned"),
                        "the ingest service creates a topic"),
                () -> assertEquals("TopicAuthorizationException", kafka.read(query, EventTopics.REJECTS.name()),
                        "the query service reads the rejected rows"),
                // Strangers: a wrong password, and no credentials at all.
                () -> assertEquals("SaslAuthenticationException", kafka.listTopics(Map.of(
                        "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", KafkaCredentials.MECHANISM,
                        "sasl.jaas.config", KafkaCredentials.jaasConfig("emi-query", "not-the-password"))),
                        "a client with a wrong password"),
                () -> assertEquals("no answer", kafka.listTopics(Map.of()), "a client without credentials"));
    }

    /** A changelog of an indicator store, as the broker lists it to the super user. */
    private static String indicatorChangelog() {
        Map<String, Object> config = new java.util.HashMap<>(stack.kafkaClientProperties());
        config.put("bootstrap.servers", stack.bootstrapServers());
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(config)) {
            return admin.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith("emi-indicator-") && name.endsWith("-changelog"))
                    .sorted().findFirst().orElseThrow(() -> new AssertionError("no emi-indicator-*-changelog topic"));
        } catch (Exception e) {
            throw new AssertionError("cannot list the topics as admin", e);
        }
    }
}
