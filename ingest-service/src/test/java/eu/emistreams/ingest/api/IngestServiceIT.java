package eu.emistreams.ingest.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.events.ingest.RejectedRow;
import eu.emistreams.events.comtrade.TradeFlow;
import eu.emistreams.events.crunchbase.FundingRound;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.events.prodcom.ProductionObservation;
import eu.emistreams.sampledata.ComtradeGenerator;
import eu.emistreams.sampledata.CrunchbaseGenerator;
import eu.emistreams.sampledata.FileCompression;
import eu.emistreams.sampledata.GeneratedRelease;
import eu.emistreams.sampledata.PatstatGenerator;
import eu.emistreams.sampledata.ProdcomGenerator;
import eu.emistreams.stack.test.EmiStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The ingest service against the real broker and registry: releases go in over HTTP, the topics
 * are read back with the registry-backed deserializers. The tests run in order: each builds on
 * the state the previous one left.
 */
@QuarkusTest
@QuarkusTestResource(value = EmiStackTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FreshStateDirectory.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestServiceIT {

    private static Path data;
    private static GeneratedRelease r1;
    private static GeneratedRelease r2;

    @BeforeAll
    static void generateReleases() throws IOException {
        data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "ingest-it-data-").toAbsolutePath();
        PatstatGenerator generator = new PatstatGenerator();
        r1 = generator.generate(data.resolve("R1"), 2024, 1_500);
        // R2 gzipped: the service must not care how a release is stored.
        r2 = new PatstatGenerator(FileCompression.GZIP).revise(data.resolve("R1"), data.resolve("R2"), 2025, 0.3);
    }

    /** A request with the API token that the write endpoints require (%test.emi.auth.token). */
    private static io.restassured.specification.RequestSpecification writer() {
        return given().header("Authorization", "Bearer test-api-token");
    }

    @Test
    @Order(1)
    void theServiceIsReadyAgainstTheRealBroker() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    @Order(2)
    void releaseOneThenReleaseTwoLeaveTheTopicEqualToReleaseTwo() throws IOException {
        JsonPath first = ingestAndWait(r1.directory(), "R1");
        assertEquals(r1.fact("tls201.publishable"), first.getLong("report.eventsChanged"));
        assertBalanced(first);

        JsonPath second = ingestAndWait(r2.directory(), null);
        assertEquals("R2", second.getString("release"), "the release id defaults to the directory name");
        assertEquals(r2.fact("revision.publishable.new_or_changed"), second.getLong("report.eventsChanged"));
        assertEquals(r2.fact("revision.publishable.unchanged"), second.getLong("report.eventsUnchanged"));
        assertEquals(r2.fact("revision.publishable.retracted"), second.getLong("report.eventsRetracted"));
        assertBalanced(second);

        Map<String, PatentApplication> view = compacted(readAll(EventTopics.PATSTAT_APPLICATIONS.name(), PatentApplication.class));
        assertEquals(transnationalWithKnownYear(r2.directory()), new TreeSet<>(view.keySet()));
        for (Map.Entry<String, PatentApplication> entry : view.entrySet()) {
            assertEquals(entry.getKey(), Long.toString(entry.getValue().getApplnId()));
        }
        assertTrue(view.values().stream().anyMatch(a -> a.getSourceRelease().equals("R1")), "unchanged ones keep R1");
        assertTrue(view.values().stream().anyMatch(a -> a.getSourceRelease().equals("R2")));
    }

    @Test
    @Order(3)
    void reIngestingReleaseTwoPublishesNothing() {
        long applicationsBefore = readAll(EventTopics.PATSTAT_APPLICATIONS.name(), PatentApplication.class).size();
        long rejectsBefore = readAll(EventTopics.REJECTS.name(), RejectedRow.class).size();

        JsonPath again = ingestAndWait(r2.directory(), "R2");
        assertEquals(0, again.getLong("report.eventsChanged"));
        assertEquals(0, again.getLong("report.eventsRetracted"));
        assertEquals(r2.fact("tls201.publishable"), again.getLong("report.eventsUnchanged"));
        assertBalanced(again);

        assertEquals(applicationsBefore, readAll(EventTopics.PATSTAT_APPLICATIONS.name(), PatentApplication.class).size());
        assertEquals(rejectsBefore, readAll(EventTopics.REJECTS.name(), RejectedRow.class).size());
    }

    @Test
    @Order(4)
    void rejectsAreOnTheRejectsTopicWithFileLineAndReason() {
        List<ConsumerRecord<String, RejectedRow>> rejects = readAll(EventTopics.REJECTS.name(), RejectedRow.class);
        Map<String, Long> perRelease = new HashMap<>();
        for (ConsumerRecord<String, RejectedRow> record : rejects) {
            assertEquals("patstat", record.key());
            RejectedRow row = record.value();
            assertTrue(row.getFile().matches("tls20\\d_[a-z_]+\\.csv(\\.gz)?"), row.getFile());
            assertTrue(row.getLine() >= 2, "data rows start on line 2");
            assertTrue(row.getReason().matches("[a-z_]+: .+"), row.getReason());
            perRelease.merge(row.getRelease(), 1L, Long::sum);
        }
        assertEquals(Map.of("R1", rejected(r1), "R2", rejected(r2)), perRelease);
        assertTrue(rejects.stream().map(ConsumerRecord::value).anyMatch(row -> row.getFile().equals("tls207_pers_appln.csv")
                && row.getReason().startsWith("orphan_person: person_id 49000000")));
        assertTrue(rejects.stream().map(ConsumerRecord::value).anyMatch(row -> row.getFile().equals("tls209_appln_ipc.csv.gz")
                && row.getReason().startsWith("malformed_row")));
    }

    @Test
    @Order(5)
    void reportsGoToTheReportsTopicKeyedBySourceAndRelease() {
        List<ConsumerRecord<String, IngestReport>> reports = readAll(EventTopics.INGEST_REPORTS.name(), IngestReport.class);
        Map<String, IngestReport> last = compacted(reports);
        assertEquals(Set.of("patstat/R1", "patstat/R2"), last.keySet());
        assertEquals("COMPLETED", last.get("patstat/R2").getStatus());
        // Acknowledged before the 202: the accepted job is on the topic before it runs.
        assertEquals("QUEUED", reports.get(0).value().getStatus());
        assertEquals(List.of("QUEUED", "RUNNING", "COMPLETED"), reports.stream()
                .filter(r -> r.key().equals("patstat/R1")).map(r -> r.value().getStatus()).toList());
        IngestReport report = last.get("patstat/R1");
        assertEquals(report.getRead(), report.getPublished() + report.getIgnored() + report.getQuality() + report.getRejected());
    }

    @Test
    @Order(6)
    void anUploadedTarGzIsIngestedLikeADirectory() throws IOException {
        GeneratedRelease r3 = new PatstatGenerator(FileCompression.ZIP).revise(r2.directory(), data.resolve("R3"), 2026, 0.2);
        Path archive = data.resolve("R3.tar.gz");
        tarGz(r3.directory(), "R3", archive);

        String id = writer().contentType("application/gzip").body(Files.readAllBytes(archive))
                .post("/api/ingest/patstat/upload")
                .then().statusCode(202).body("release", equalTo("R3"))
                .extract().path("id");
        JsonPath done = waitFor(id);
        assertEquals(r3.fact("revision.publishable.new_or_changed"), done.getLong("report.eventsChanged"));
        assertEquals(r3.fact("revision.publishable.retracted"), done.getLong("report.eventsRetracted"));

        Map<String, PatentApplication> view = compacted(readAll(EventTopics.PATSTAT_APPLICATIONS.name(), PatentApplication.class));
        assertEquals(r3.fact("tls201.publishable"), view.size());

        // Without the API token, or with another, a write changes nothing: no job, no event.
        int before = readAll(EventTopics.PATSTAT_APPLICATIONS.name(), PatentApplication.class).size();
        given().contentType("application/gzip").body(Files.readAllBytes(archive)).post("/api/ingest/patstat/upload")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Bearer not-the-token").contentType(ContentType.JSON)
                .body(Map.of("path", r3.directory().toString())).post("/api/ingest/patstat")
                .then().statusCode(401);
        given().header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                "emi:test-api-token".getBytes(StandardCharsets.UTF_8))).contentType(ContentType.JSON)
                .body(Map.of("path", r3.directory().toString())).post("/api/ingest/patstat")
                .then().statusCode(401);
        given().get("/api/ingest/jobs").then().statusCode(200).body("size()", equalTo(4));
        assertEquals(before, readAll(EventTopics.PATSTAT_APPLICATIONS.name(), PatentApplication.class).size(),
                "events published by refused requests");
    }

    @Test
    @Order(7)
    void badRequestsGetAProblemNamingTheFile() throws IOException, InterruptedException {
        Path broken = data.resolve("broken");
        Files.createDirectories(broken);
        try (Stream<Path> files = Files.list(r1.directory())) {
            for (Path file : files.toList()) {
                Files.copy(file, broken.resolve(file.getFileName()));
            }
        }
        Files.writeString(broken.resolve("tls209_appln_ipc.csv"), "appln_id,ipc_class_level\n1,A\n");
        writer().contentType(ContentType.JSON).body(Map.of("path", broken.toString()))
                .post("/api/ingest/patstat")
                .then().statusCode(400)
                .body("detail", startsWith("tls209_appln_ipc.csv: missing required column ipc_class_symbol"));

        Files.delete(broken.resolve("tls209_appln_ipc.csv"));
        writer().contentType(ContentType.JSON).body(Map.of("path", broken.toString()))
                .post("/api/ingest/patstat")
                .then().statusCode(400).body("detail", startsWith("tls209_appln_ipc.csv: missing"));

        writer().contentType(ContentType.JSON).body(Map.of("path", data.resolve("nowhere").toString()))
                .post("/api/ingest/patstat")
                .then().statusCode(400).body("detail", startsWith(data.resolve("nowhere") + ": no such file"));
        // Only the inbox (target/ under test) is read by path: not a file elsewhere, not a link out of it.
        Path outside = Path.of("pom.xml").toAbsolutePath();
        writer().contentType(ContentType.JSON).body(Map.of("path", outside.toString()))
                .post("/api/ingest/comtrade")
                .then().statusCode(403).body("title", equalTo("Outside the ingest inbox"))
                .body("detail", startsWith(outside + ": the service reads releases only under"));
        writer().contentType(ContentType.JSON).body(Map.of("path", "/etc/nosuch-release"))
                .post("/api/ingest/comtrade")
                .then().statusCode(403).body("title", equalTo("Outside the ingest inbox"));
        Path linked = Files.createDirectories(data.resolve("linked-release"));
        Files.createSymbolicLink(linked.resolve("C_A_HS_2020.csv"), outside);
        writer().contentType(ContentType.JSON).body(Map.of("path", linked.toString()))
                .post("/api/ingest/comtrade")
                .then().statusCode(403).body("detail", startsWith(linked.resolve("C_A_HS_2020.csv")
                        + ": a link to a file outside the ingest inbox"));
        Path linkToOutside = data.resolve("link-to-pom.csv");
        Files.createSymbolicLink(linkToOutside, outside);
        writer().contentType(ContentType.JSON).body(Map.of("path", linkToOutside.toString()))
                .post("/api/ingest/comtrade")
                .then().statusCode(403).body("title", equalTo("Outside the ingest inbox"));
        writer().contentType(ContentType.JSON).body(Map.of("path", r1.directory().toString()))
                .post("/api/ingest/nosuch")
                .then().statusCode(404).body("title", equalTo("Unknown source"));
        writer().contentType(ContentType.JSON).body(Map.of("path", r1.directory().toString()))
                .post("/api/ingest/comtrade")
                .then().statusCode(400)
                .body("detail", startsWith("tls201_appln.csv: missing required column refYear"));
        writer().contentType(ContentType.JSON).body(Map.of("path", r1.directory().resolve("tls201_appln.csv").toString()))
                .post("/api/ingest/crunchbase")
                .then().statusCode(400).body("detail", startsWith(r1.directory().resolve("tls201_appln.csv")
                        + ": neither a directory nor a .zip or .tar.gz release archive"));
        given().get("/api/ingest/jobs/no-such-job").then().statusCode(404);
        writer().contentType("application/zip").body("not a zip".getBytes(StandardCharsets.UTF_8))
                .queryParam("release", "X1")
                .post("/api/ingest/patstat/upload")
                .then().statusCode(400).body("detail", startsWith("the uploaded archive: neither a zip nor a tar.gz"));

        // A hostile archive is refused in one line and leaves nothing in the upload directory.
        Path uploads = Path.of(ConfigProvider.getConfig().getValue("emi.ingest.state-dir", String.class)).resolve("uploads");
        List<Path> uploadsBefore = list(uploads);
        java.io.ByteArrayOutputStream hostile = new java.io.ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(hostile))) {
            org.apache.commons.compress.archivers.tar.TarArchiveEntry link = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(
                    "R9/tls201_appln.csv", org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        writer().contentType("application/gzip").body(hostile.toByteArray()).post("/api/ingest/patstat/upload")
                .then().statusCode(400)
                .body("detail", equalTo("the uploaded archive: entry R9/tls201_appln.csv is a symbolic link; "
                        + "a release archive holds only directories and regular files"));
        assertEquals(uploadsBefore, list(uploads), "what a refused upload left in " + uploads);

        // Above the body limit (16M under test; EMI_INGEST_MAX_UPLOAD_SIZE, 32G by default): 413, nothing kept.
        // Expect: 100-continue, as curl sends for large bodies: the refusal comes before the body.
        java.net.http.HttpResponse<String> tooLarge = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port
                        + "/api/ingest/patstat/upload")).expectContinue(true)
                        .header("Authorization", "Bearer test-api-token").header("Content-Type", "application/gzip")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[17 << 20])).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertEquals(uploadsBefore, list(uploads), "what a too large upload left in " + uploads);
    }

    private static List<Path> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        }
    }

    @Test
    @Order(8)
    void comtradeProdcomAndCrunchbaseReleasesOneThenTwoLeaveEachTopicEqualToReleaseTwo() throws IOException {
        keyedRelease("comtrade", EventTopics.COMTRADE_FLOWS.name(), TradeFlow.class,
                new ComtradeGenerator().generate(data.resolve("comtrade-R1"), 2024, 2_000),
                previous -> new ComtradeGenerator(FileCompression.GZIP).revise(previous, data.resolve("comtrade-R2"), 2025, 0.3),
                flow -> flow.getPrimaryValue() > 0 && flow.getCmdCode().matches("\\d{6}"));
        keyedRelease("prodcom", EventTopics.PRODCOM_OBSERVATIONS.name(), ProductionObservation.class,
                new ProdcomGenerator().generate(data.resolve("prodcom-R1"), 2024, 2_000),
                previous -> new ProdcomGenerator(FileCompression.ZIP).revise(previous, data.resolve("prodcom-R2"), 2025, 0.3),
                observation -> !observation.getReporter().equals("EL") || observation.getCountry().equals("GR"));
        keyedRelease("crunchbase", EventTopics.CRUNCHBASE_ROUNDS.name(), FundingRound.class,
                new CrunchbaseGenerator().generate(data.resolve("crunchbase-R1"), 2024, 1_500),
                previous -> new CrunchbaseGenerator().revise(previous, data.resolve("crunchbase-R2"), 2025, 0.3),
                round -> round.getYear() >= 2013 && round.getYear() <= 2024 && !round.getCountry().isBlank());

        Map<String, IngestReport> reports = compacted(readAll(EventTopics.INGEST_REPORTS.name(), IngestReport.class));
        for (String source : List.of("comtrade", "prodcom", "crunchbase")) {
            for (String release : List.of("R1", source + "-R2")) {
                IngestReport report = reports.get(source + "/" + release);
                assertEquals("COMPLETED", report.getStatus(), source + "/" + release);
                assertEquals(report.getRead(), report.getPublished() + report.getIgnored() + report.getQuality()
                        + report.getRejected());
            }
        }
    }

    @Test
    @Order(9)
    void aSingleComtradeFileIsAReleaseNamedAfterIt() {
        Path file = data.resolve("comtrade-R2").resolve("comtrade_C_A_HS_2022.csv.gz");
        long keysOf2022 = compacted(readAll(EventTopics.COMTRADE_FLOWS.name(), TradeFlow.class)).keySet().stream()
                .filter(key -> key.startsWith("2022|")).count();
        long keysBefore = compacted(readAll(EventTopics.COMTRADE_FLOWS.name(), TradeFlow.class)).size();

        JsonPath job = ingestAndWait("comtrade", file, null);
        assertEquals("comtrade_C_A_HS_2022", job.getString("release"));
        assertEquals(0, job.getLong("report.eventsChanged"), "the 2022 totals are those of R2");
        assertEquals(keysOf2022, job.getLong("report.eventsUnchanged"));
        assertEquals(keysBefore - keysOf2022, job.getLong("report.eventsRetracted"), "the release is the file alone");
        assertEquals(keysOf2022, compacted(readAll(EventTopics.COMTRADE_FLOWS.name(), TradeFlow.class)).size());
    }

    @Test
    @Order(10)
    void aReportLeftRunningWithNoSuchJobIsClosedAsFailed() {
        // What a run leaves when Kafka was unreachable as it ended: its RUNNING report, and no final one.
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String registry = ConfigProvider.getConfig().getValue("emi.registry.url", String.class);
        IngestReport lost = IngestReport.newBuilder().setSource("patstat").setRelease("LOST").setStatus("RUNNING")
                .setStartedAt(System.currentTimeMillis() - Duration.ofMinutes(5).toMillis()).setFinishedAt(null)
                .setRead(10).setPublished(3).setIgnored(0).setQuality(0).setRejected(0).setDetails(Map.of()).build();
        try (org.apache.kafka.clients.producer.KafkaProducer<String, IngestReport> producer =
                new org.apache.kafka.clients.producer.KafkaProducer<>(
                        Map.of(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                        new org.apache.kafka.common.serialization.StringSerializer(),
                        new AvroSerdes(registry).valueSerde(IngestReport.class).serializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(EventTopics.INGEST_REPORTS.name(), "patstat/LOST", lost));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                "FAILED".equals(compacted(readAll(EventTopics.INGEST_REPORTS.name(), IngestReport.class)).get("patstat/LOST").getStatus()));
        IngestReport closed = compacted(readAll(EventTopics.INGEST_REPORTS.name(), IngestReport.class)).get("patstat/LOST");
        assertEquals("this run ended while Kafka was unreachable, so its final report was lost during this run; "
                + "ingest the release again", closed.getMessage());
        assertEquals(10, closed.getRead(), "the accounting so far is kept");
    }

    /**
     * Ingests R1 from its directory and R2 uploaded as a zip, then checks the events and rejects
     * against what the generator says it wrote.
     */
    private static <T extends SpecificRecord> void keyedRelease(String source, String topic, Class<T> type,
            GeneratedRelease first, Reviser reviser, java.util.function.Predicate<T> plausible) throws IOException {
        JsonPath one = ingestAndWait(source, first.directory(), "R1");
        assertEquals(first.fact("revision.keys.new_or_changed"), one.getLong("report.eventsChanged"), source);
        assertBalanced(one);

        GeneratedRelease second = reviser.revise(first.directory());
        Path archive = data.resolve(source + "-R2.zip");
        zip(second.directory(), source + "-R2", archive);
        String id = writer().contentType("application/zip").body(Files.readAllBytes(archive))
                .post("/api/ingest/" + source + "/upload")
                .then().statusCode(202).body("release", equalTo(source + "-R2"))
                .extract().path("id");
        JsonPath two = waitFor(id);
        assertBalanced(two);
        assertEquals(second.fact("revision.keys.new_or_changed"), two.getLong("report.eventsChanged"), source);
        assertEquals(second.fact("revision.keys.unchanged"), two.getLong("report.eventsUnchanged"), source);
        assertEquals(second.fact("revision.keys.retracted"), two.getLong("report.eventsRetracted"), source);

        Map<String, T> view = compacted(readAll(topic, type));
        assertEquals(second.fact("revision.keys.new_or_changed") + second.fact("revision.keys.unchanged"), view.size(),
                source);
        assertTrue(view.values().stream().allMatch(plausible), source);
        long rejects = readAll(EventTopics.REJECTS.name(), RejectedRow.class).stream()
                .filter(record -> record.key().equals(source)).count();
        assertEquals(one.getLong("report.rejected") + two.getLong("report.rejected"), rejects, source);
    }

    @FunctionalInterface
    private interface Reviser {
        GeneratedRelease revise(Path previous) throws IOException;
    }

    private static void zip(Path directory, String top, Path archive) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
                java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out);
                Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(top + "/" + file.getFileName()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static JsonPath ingestAndWait(Path directory, String release) {
        return ingestAndWait("patstat", directory, release);
    }

    static JsonPath ingestAndWait(String source, Path path, String release) {
        Map<String, String> body = new HashMap<>();
        body.put("path", path.toAbsolutePath().toString());
        if (release != null) {
            body.put("release", release);
        }
        String id = writer().contentType(ContentType.JSON).body(body)
                .post("/api/ingest/" + source)
                .then().statusCode(202).extract().path("id");
        return waitFor(id);
    }

    static JsonPath waitFor(String id) {
        JsonPath[] job = new JsonPath[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            job[0] = given().get("/api/ingest/jobs/" + id).then().statusCode(200).extract().jsonPath();
            String state = job[0].getString("state");
            return state.equals("COMPLETED") || state.equals("FAILED");
        });
        assertEquals("COMPLETED", job[0].getString("state"), job[0].getString("message"));
        assertEquals(job[0].getLong("bytesTotal"), job[0].getLong("bytesRead"));
        return job[0];
    }

    static void assertBalanced(JsonPath job) {
        assertEquals(job.getLong("report.read"), job.getLong("report.published") + job.getLong("report.ignored")
                + job.getLong("report.quality") + job.getLong("report.rejected"));
        assertEquals(job.getLong("rowsRead"), job.getLong("report.read"));
    }

    private static long rejected(GeneratedRelease release) {
        return release.fact("tls207.missing_person") + release.fact("tls207.missing_application")
                + release.fact("tls209.missing_application") + release.fact("tls202.missing_application")
                + release.fact("tls203.missing_application") + release.fact("tls201.unparsable")
                + release.fact("tls207.unparsable") + release.fact("tls209.unparsable")
                + release.fact("tls209.malformed") + release.fact("tls202.malformed");
    }

    /** The counting rule of indicators.md §3, applied to the raw file independently of the service. */
    private static Set<String> transnationalWithKnownYear(Path directory) throws IOException {
        Set<String> ids = new TreeSet<>();
        Path file = directory.resolve("tls201_appln.csv.gz");
        try (Reader reader = new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader)
                        .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord record : parser) {
                String authority = record.get("appln_auth");
                boolean transnational = authority.equals("WO")
                        || authority.equals("EP") && record.get("internat_appln_id").equals("0");
                if (transnational && !record.get("earliest_filing_year").equals("9999")
                        && record.get("appln_id").matches("\\d+")) {
                    ids.add(record.get("appln_id"));
                }
            }
        }
        return ids;
    }

    static <T extends SpecificRecord> List<ConsumerRecord<String, T>> readAll(String topic, Class<T> type) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String registry = ConfigProvider.getConfig().getValue("emi.registry.url", String.class);
        Deserializer<T> values = new AvroSerdes(registry).valueSerde(type).deserializer();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    static <T> Map<String, T> compacted(List<ConsumerRecord<String, T>> records) {
        Map<String, T> view = new HashMap<>();
        for (ConsumerRecord<String, T> record : records) {
            if (record.value() == null) {
                view.remove(record.key());
            } else {
                view.put(record.key(), record.value());
            }
        }
        return view;
    }

    static void tarGz(Path directory, String top, Path archive) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out));
                Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), top + "/" + file.getFileName());
                tar.putArchiveEntry(entry);
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
        }
    }
}
