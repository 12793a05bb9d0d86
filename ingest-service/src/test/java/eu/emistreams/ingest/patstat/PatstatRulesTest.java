package eu.emistreams.ingest.patstat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.events.ingest.RejectedRow;
import eu.emistreams.events.patstat.Applicant;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.RecordAccounting;
import eu.emistreams.ingest.testing.RecordingSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counting rules of indicators.md §3 and §8 on a release small enough to know every row. */
class PatstatRulesTest {

    @TempDir
    Path temp;

    private Path release;

    @BeforeEach
    void writeRelease() throws IOException {
        release = temp.resolve("handmade");
        Files.createDirectories(release);
        write("tls201_appln.csv", """
                appln_id,appln_auth,appln_nr,appln_kind,appln_filing_date,appln_filing_year,internat_appln_id,earliest_filing_year,docdb_family_id
                1,WO,EP2015000001,W,2015-05-01,2015,0,2014,100
                2,EP,15000002,A,2015-01-01,2015,0,2015,
                3,EP,15000003,A,2016-01-01,2016,1,2015,101
                4,US,14000004,A,2014-01-01,2014,0,2014,102
                5,WO,EP2019000005,W,2019-01-01,2019,0,9999,103
                1,WO,EP2015000001,W,2015-05-01,2015,0,2014,100
                X7,WO,EP2015000007,W,2015-05-01,2015,0,2014,104
                8, wo ,EP2020000008,W,2020-02-02,2020,,2020,105
                """);
        write("tls206_person.csv", """
                person_id,person_name,person_ctry_code
                10,"ACME, Inc.",us
                11,Müller GmbH, de\s
                12,Nobody,FR
                13,Unknown Year Ltd,--
                14,Inventor Only,BE
                10,Duplicate,US
                15,Junk Country Co,..
                """);
        write("tls207_pers_appln.csv", """
                person_id,appln_id,applt_seq_nr,invt_seq_nr
                10,1,1,0
                11,1,2,0
                14,1,0,1
                99,1,3,0
                10,3,1,0
                13,5,1,0
                10,77,1,0
                11,1,4,0
                15,8,1,0
                """);
        write("tls209_appln_ipc.csv", """
                appln_id,ipc_class_symbol,ipc_class_level
                1,H01L  31/04,A
                1,H01L  31/04,A
                1,A61K   9/00,A
                2,   ,A
                4,G06N   3/08,A
                5,F03D   1/06,A
                77,H02S  40/38,A
                n/a,H01L  31/04,A
                1,H04L   9/32
                """);
        write("tls202_appln_title.csv", "appln_id,appln_title_lg,appln_title\n"
                + "1,en,\"Solar cell, \"\"bifacial\"\"\nmodule\"\n"
                + "1,en,Second title\n"
                + "3,en,Euro-PCT title\n");
        write("tls203_appln_abstr.csv", """
                appln_abstract,appln_id,appln_abstract_lg
                Résumé,2,fr
                """);
    }

    @Test
    void everyRowLandsInExactlyOneBucketForTheRightReason() throws Exception {
        RecordingSink sink = new RecordingSink();
        IngestJob job = run(sink, "R1");

        RecordAccounting.Snapshot counts = job.accounting().snapshot();
        assertEquals(37, counts.read());
        assertEquals(14, counts.published());
        assertEquals(8, counts.ignored());
        assertEquals(4, counts.quality());
        assertEquals(11, counts.rejected());
        assertTrue(counts.balanced());
        assertEquals(Map.ofEntries(
                Map.entry("ignored.euro_pct", 3L),
                Map.entry("ignored.non_transnational", 2L),
                Map.entry("ignored.inventor_only", 1L),
                Map.entry("ignored.person_not_applicant", 2L),
                Map.entry("quality.unknown_year", 4L),
                Map.entry("rejected.duplicate_key", 4L),
                Map.entry("rejected.unparsable_number", 2L),
                Map.entry("rejected.orphan_person", 1L),
                Map.entry("rejected.orphan_application", 2L),
                Map.entry("rejected.missing_value", 1L),
                Map.entry("rejected.malformed_row", 1L),
                Map.entry("note.country_to_ZZ", 1L),
                Map.entry("note.applications_without_applicant", 1L),
                Map.entry("read.tls201_appln", 8L),
                Map.entry("read.tls206_person", 7L),
                Map.entry("read.tls207_pers_appln", 9L),
                Map.entry("read.tls209_appln_ipc", 9L),
                Map.entry("read.tls202_appln_title", 3L),
                Map.entry("read.tls203_appln_abstr", 1L)), counts.details());
        assertEquals(3, counts.eventsChanged());
    }

    @Test
    void publishesTheTransnationalApplicationsJoinedAndNormalised() throws Exception {
        RecordingSink sink = new RecordingSink();
        run(sink, "R1");

        Map<String, SpecificRecord> applications = RecordingSink.compacted(sink.sent(EventTopics.PATSTAT_APPLICATIONS.name()));
        assertEquals(List.of("1", "2", "8"), List.copyOf(applications.keySet()));

        PatentApplication first = (PatentApplication) applications.get("1");
        assertEquals("WO", first.getAuthority());
        assertEquals(2014, first.getEarliestFilingYear());
        assertEquals(100L, first.getDocdbFamilyId());
        assertEquals(List.of("A61K9/00", "H01L31/04"), first.getIpcSymbols());
        assertEquals("Solar cell, \"bifacial\"\nmodule", first.getTitle());
        assertEquals("en", first.getTitleLanguage());
        assertNull(first.getAbstractText());
        assertEquals("R1", first.getSourceRelease());
        List<Applicant> applicants = first.getApplicants();
        assertEquals(List.of(10L, 11L), applicants.stream().map(Applicant::getPersonId).toList());
        assertEquals(List.of("US", "DE"), applicants.stream().map(Applicant::getCountry).toList());
        assertEquals(List.of("us", " de "), applicants.stream().map(Applicant::getRawCountryCode).toList());
        assertEquals("ACME, Inc.", applicants.get(0).getName());

        PatentApplication second = (PatentApplication) applications.get("2");
        assertEquals(List.of(), second.getApplicants());
        assertEquals(List.of(), second.getIpcSymbols());
        assertEquals("Résumé", second.getAbstractText());
        assertEquals("fr", second.getAbstractLanguage());
        assertNull(second.getDocdbFamilyId());

        PatentApplication eighth = (PatentApplication) applications.get("8");
        assertEquals("WO", eighth.getAuthority());
        assertEquals(0L, eighth.getInternatApplnId());
        assertEquals("ZZ", eighth.getApplicants().get(0).getCountry());
        assertEquals("..", eighth.getApplicants().get(0).getRawCountryCode());
    }

    @Test
    void rejectsGoOutWithFileLineAndReason() throws Exception {
        RecordingSink sink = new RecordingSink();
        run(sink, "R1");

        List<RejectedRow> rejects = sink.sent(EventTopics.REJECTS.name()).stream()
                .peek(sent -> assertEquals("patstat", sent.key()))
                .map(sent -> (RejectedRow) sent.value())
                .toList();
        assertEquals(11, rejects.size());
        Map<String, RejectedRow> byPlace = rejects.stream()
                .collect(Collectors.toMap(r -> r.getFile() + ":" + r.getLine(), r -> r));
        assertTrue(byPlace.get("tls207_pers_appln.csv:5").getReason().startsWith("orphan_person: person_id 99"));
        assertTrue(byPlace.get("tls207_pers_appln.csv:8").getReason().startsWith("orphan_application: appln_id 77"));
        assertTrue(byPlace.get("tls201_appln.csv:8").getReason().startsWith("unparsable_number: appln_id 'X7'"));
        assertTrue(byPlace.get("tls201_appln.csv:7").getReason().startsWith("duplicate_key: appln_id 1"));
        assertTrue(byPlace.get("tls206_person.csv:7").getReason().startsWith("duplicate_key: person_id 10"));
        assertTrue(byPlace.get("tls209_appln_ipc.csv:10").getReason().startsWith("malformed_row"));
        assertEquals("1,H04L   9/32", byPlace.get("tls209_appln_ipc.csv:10").getContent());
        // The second title of application 1 starts on line 4: the first spans lines 2 and 3.
        assertTrue(byPlace.get("tls202_appln_title.csv:4").getReason().startsWith("duplicate_key"));
        assertTrue(rejects.stream().allMatch(r -> r.getRelease().equals("R1") && r.getSource().equals("patstat")));
    }

    @Test
    void reportsRunningThenCompletedWithTheAccounting() throws Exception {
        RecordingSink sink = new RecordingSink();
        run(sink, "R1");
        List<RecordingSink.Sent> reports = sink.sent(EventTopics.INGEST_REPORTS.name());
        assertEquals(2, reports.size());
        assertEquals("patstat/R1", reports.get(0).key());
        assertEquals("RUNNING", ((IngestReport) reports.get(0).value()).getStatus());
        IngestReport done = (IngestReport) reports.get(1).value();
        assertEquals("COMPLETED", done.getStatus());
        assertEquals(37, done.getRead());
        assertEquals(14 + 8 + 4 + 11, done.getPublished() + done.getIgnored() + done.getQuality() + done.getRejected());
        assertEquals(3, done.getEventsChanged());
        assertEquals(4L, done.getDetails().get("rejected.duplicate_key"));
        assertTrue(done.getFinishedAt() >= done.getStartedAt());
    }

    @Test
    void aMissingColumnFailsBeforeAnythingButTheReportsIsPublished() throws Exception {
        write("tls203_appln_abstr.csv", "appln_id,appln_abstract_lg\n2,fr\n");
        RecordingSink sink = new RecordingSink();
        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> run(sink, "R1"));
        assertTrue(failure.getMessage().startsWith("tls203_appln_abstr.csv: missing required column appln_abstract"),
                failure.getMessage());
        assertEquals(List.of(EventTopics.INGEST_REPORTS.name(), EventTopics.INGEST_REPORTS.name()),
                sink.sent().stream().map(RecordingSink.Sent::topic).toList());
        IngestReport failed = (IngestReport) sink.sent().get(1).value();
        assertEquals("FAILED", failed.getStatus());
        assertEquals(failure.getMessage(), failed.getMessage());
    }

    /**
     * The work store keeps an application's consecutive rows of a table as one entry, cut every
     * 256 rows: every row of a long run, and of a second run further down the file, still counts.
     */
    @Test
    void everyRowOfALongRunOfOneApplicationCounts() throws Exception {
        StringBuilder ipc = new StringBuilder("appln_id,ipc_class_symbol\n");
        List<String> expected = new java.util.ArrayList<>();
        for (int group = 1; group <= 603; group++) {
            if (group == 601) {
                ipc.append("2,B60L  53/00\n");
            }
            ipc.append("1,H01M  ").append(group).append("/00\n");
            expected.add("H01M" + group + "/00");
        }
        write("tls209_appln_ipc.csv", ipc.toString());
        RecordingSink sink = new RecordingSink();
        IngestJob job = run(sink, "R1");

        PatentApplication first = (PatentApplication) RecordingSink.compacted(sink.sent(EventTopics.PATSTAT_APPLICATIONS.name())).get("1");
        assertEquals(expected.stream().sorted().toList(), first.getIpcSymbols());
        RecordAccounting.Snapshot counts = job.accounting().snapshot();
        assertEquals(604, counts.detail("read.tls209_appln_ipc"));
        assertTrue(counts.balanced(), counts.toString());
    }

    private IngestJob run(RecordingSink sink, String releaseId) throws Exception {
        IngestJob job = new IngestJob("test", "patstat", releaseId, release, null);
        new PatstatIngestRun(job, temp.resolve("state/patstat"), sink, 16L << 20, 16L << 20).run();
        return job;
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(release.resolve(name), content, StandardCharsets.UTF_8);
    }
}
