package eu.emistreams.ingest.patstat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.ingest.RejectedRow;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.RecordAccounting;
import eu.emistreams.ingest.publish.EventSink;
import eu.emistreams.ingest.testing.RecordingSink;
import eu.emistreams.sampledata.FileCompression;
import eu.emistreams.sampledata.GeneratedRelease;
import eu.emistreams.sampledata.PatstatGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests releases the generator wrote and checks the outcome against what the generator says
 * it put in them: the accounting row by row, and the events across revisions (indicators.md §4).
 */
class PatstatIngestRunTest {

    private static final List<String> CHILD_TABLES = List.of("tls209", "tls202", "tls203");

    @TempDir
    Path temp;

    @Test
    void theAccountingMatchesWhatTheGeneratorInjected() throws Exception {
        GeneratedRelease release = new PatstatGenerator().generate(temp.resolve("R1"), 17, 1_500);
        RecordingSink sink = new RecordingSink();
        RecordAccounting.Snapshot counts = ingest(release, "R1", temp.resolve("state"), sink);

        assertTrue(counts.balanced(), counts.toString());
        assertEquals(rows(release), counts.read());
        assertEquals(release.fact("tls201.publishable") + release.fact("tls207.applicant.publishable")
                + release.fact("tls206.applicant_of_publishable") + childRows(release, "publishable"), counts.published());
        assertEquals(release.fact("tls201.unknown_year") + release.fact("tls207.applicant.unknown_year")
                + release.fact("tls206.applicant_of_unknown_year_only") + childRows(release, "unknown_year"),
                counts.detail("quality.unknown_year"));
        assertEquals(counts.quality(), counts.detail("quality.unknown_year"));
        assertEquals(release.fact("tls201.euro_pct") + release.fact("tls207.euro_pct") + childRows(release, "euro_pct"),
                counts.detail("ignored.euro_pct"));
        assertEquals(release.fact("tls201.non_transnational") + release.fact("tls207.non_transnational")
                + childRows(release, "non_transnational"), counts.detail("ignored.non_transnational"));
        assertEquals(release.fact("tls207.inventor_only.transnational"), counts.detail("ignored.inventor_only"));
        assertEquals(release.fact("tls206.not_applicant"), counts.detail("ignored.person_not_applicant"));

        assertEquals(release.fact("tls207.missing_person"), counts.detail("rejected.orphan_person"));
        assertEquals(release.fact("tls207.missing_application") + childRows(release, "missing_application"),
                counts.detail("rejected.orphan_application"));
        assertEquals(release.fact("tls201.unparsable") + release.fact("tls207.unparsable") + release.fact("tls209.unparsable"),
                counts.detail("rejected.unparsable_number"));
        assertEquals(release.fact("tls209.malformed") + release.fact("tls202.malformed"), counts.detail("rejected.malformed_row"));
        assertEquals(counts.rejected(), counts.detail("rejected.orphan_person") + counts.detail("rejected.orphan_application")
                + counts.detail("rejected.unparsable_number") + counts.detail("rejected.malformed_row"));
        assertTrue(counts.rejected() > 0 && counts.quality() > 0);

        assertEquals(release.fact("applicants.publishable_to_zz"), counts.detail("note.country_to_ZZ"));
        assertEquals(release.fact("applications.publishable_without_applicant"),
                counts.detail("note.applications_without_applicant"));
        assertEquals(release.fact("tls201.publishable"), counts.eventsChanged());
        assertEquals(release.fact("tls201.publishable"), sink.sent(EventTopics.PATSTAT_APPLICATIONS.name()).size());
        assertEquals(counts.rejected(), sink.sent(EventTopics.REJECTS.name()).size());
    }

    @Test
    void aRevisionPublishesWhatChangedRetractsWhatLeftAndEndsEqualToTheRevisionAlone() throws Exception {
        PatstatGenerator generator = new PatstatGenerator();
        GeneratedRelease r1 = generator.generate(temp.resolve("R1"), 23, 1_200);
        GeneratedRelease r2 = generator.revise(temp.resolve("R1"), temp.resolve("R2"), 24, 0.3);
        Path state = temp.resolve("state");

        RecordingSink sink = new RecordingSink();
        ingest(r1, "R1", state, sink);
        int afterFirst = sink.sent(EventTopics.PATSTAT_APPLICATIONS.name()).size();
        RecordAccounting.Snapshot second = ingest(r2, "R2", state, sink);

        assertEquals(r2.fact("revision.publishable.new_or_changed"), second.eventsChanged());
        assertEquals(r2.fact("revision.publishable.unchanged"), second.eventsUnchanged());
        assertEquals(r2.fact("revision.publishable.retracted"), second.eventsRetracted());
        assertTrue(second.eventsChanged() > 0 && second.eventsRetracted() > 0 && second.eventsUnchanged() > 0);
        List<RecordingSink.Sent> r2Events = sink.sent(EventTopics.PATSTAT_APPLICATIONS.name()).subList(afterFirst,
                sink.sent(EventTopics.PATSTAT_APPLICATIONS.name()).size());
        assertEquals(second.eventsChanged() + second.eventsRetracted(), r2Events.size());
        assertTrue(r2Events.stream().filter(e -> e.value() != null)
                .allMatch(e -> ((PatentApplication) e.value()).getSourceRelease().equals("R2")));

        // indicators.md §4: after R1 then R2 the state equals R2 ingested alone.
        RecordingSink alone = new RecordingSink();
        ingest(r2, "R2", temp.resolve("state-r2-alone"), alone);
        assertEquals(withoutRelease(RecordingSink.compacted(alone.sent(EventTopics.PATSTAT_APPLICATIONS.name()))),
                withoutRelease(RecordingSink.compacted(sink.sent(EventTopics.PATSTAT_APPLICATIONS.name()))));
        assertEquals(r2.fact("tls201.publishable"), RecordingSink.compacted(sink.sent(EventTopics.PATSTAT_APPLICATIONS.name())).size());
    }

    @Test
    void ingestingTheSameReleaseAgainPublishesNothing() throws Exception {
        GeneratedRelease r1 = new PatstatGenerator().generate(temp.resolve("R1"), 31, 600);
        Path state = temp.resolve("state");
        ingest(r1, "R1", state, new RecordingSink());

        RecordingSink again = new RecordingSink();
        RecordAccounting.Snapshot counts = ingest(r1, "R1", state, again);
        assertEquals(0, counts.eventsChanged());
        assertEquals(0, counts.eventsRetracted());
        assertEquals(r1.fact("tls201.publishable"), counts.eventsUnchanged());
        assertTrue(counts.balanced());
        assertTrue(counts.rejected() > 0, "the rows are still counted as rejected");
        // Only the RUNNING and COMPLETED reports: no application, no tombstone, no repeated reject.
        assertEquals(List.of(EventTopics.INGEST_REPORTS.name(), EventTopics.INGEST_REPORTS.name()),
                again.sent().stream().map(RecordingSink.Sent::topic).toList());
    }

    @Test
    void aRunWhoseEventsAreNotAcknowledgedCommitsNothing() throws Exception {
        PatstatGenerator generator = new PatstatGenerator();
        GeneratedRelease r1 = generator.generate(temp.resolve("R1"), 41, 500);
        GeneratedRelease r2 = generator.revise(temp.resolve("R1"), temp.resolve("R2"), 42, 0.4);
        Path state = temp.resolve("state");
        ingest(r1, "R1", state, new RecordingSink());

        RecordingSink broken = new RecordingSink();
        broken.failFlush();
        assertThrows(EventSink.PublishException.class, () -> ingest(r2, "R2", state, broken));

        // The state is still R1's: the next run of R2 publishes the whole difference again.
        RecordingSink retry = new RecordingSink();
        RecordAccounting.Snapshot counts = ingest(r2, "R2", state, retry);
        assertEquals(r2.fact("revision.publishable.new_or_changed"), counts.eventsChanged());
        assertEquals(r2.fact("revision.publishable.retracted"), counts.eventsRetracted());
        assertTrue(retry.sent(EventTopics.REJECTS.name()).size() > 0, "rejects of an uncommitted release are published again");
    }

    @Test
    void aSendFailureStopsTheRun() throws Exception {
        GeneratedRelease r1 = new PatstatGenerator().generate(temp.resolve("R1"), 43, 300);
        RecordingSink broken = new RecordingSink();
        broken.failAfterSends(20);
        assertThrows(EventSink.PublishException.class, () -> ingest(r1, "R1", temp.resolve("state"), broken));
        RecordingSink retry = new RecordingSink();
        assertEquals(r1.fact("tls201.publishable"), ingest(r1, "R1", temp.resolve("state"), retry).eventsChanged());
    }

    @Test
    void gzipAndZipReleasesGiveTheSameEventsAsPlainFiles() throws Exception {
        Map<String, SpecificRecord> plain = null;
        for (FileCompression compression : FileCompression.values()) {
            GeneratedRelease release = new PatstatGenerator(compression).generate(temp.resolve(compression.name()), 51, 400);
            RecordingSink sink = new RecordingSink();
            ingest(release, "R1", temp.resolve("state-" + compression), sink);
            Map<String, SpecificRecord> events = RecordingSink.compacted(sink.sent(EventTopics.PATSTAT_APPLICATIONS.name()));
            if (plain == null) {
                plain = events;
            } else {
                assertEquals(plain, events, compression.name());
            }
            List<String> files = sink.sent(EventTopics.REJECTS.name()).stream()
                    .map(sent -> ((RejectedRow) sent.value()).getFile()).distinct().sorted().toList();
            assertTrue(files.stream().allMatch(file -> file.endsWith(".csv" + compression.suffix())), files.toString());
        }
    }

    @Test
    void personsHeldInMemoryMovedToTheStoreMidwayOrStoredFromTheStartGiveTheSameRun() throws Exception {
        GeneratedRelease release = new PatstatGenerator().generate(temp.resolve("r1"), 61, 600);
        long persons = release.fact("tls206.rows");
        // Held throughout; moved to the work store about half-way through tls206; stored from the start.
        long[] budgets = {64L << 20, persons / 2 * Persons.BYTES_PER_PERSON, 0};
        RecordingSink held = null;
        RecordAccounting.Snapshot heldCounts = null;
        for (long budget : budgets) {
            RecordingSink sink = new RecordingSink();
            RecordAccounting.Snapshot counts = ingest(release, "R1", temp.resolve("state-" + budget), sink, budget);
            if (held == null) {
                held = sink;
                heldCounts = counts;
                assertTrue(counts.published() > 0 && counts.detail("ignored.person_not_applicant") > 0, counts.toString());
                continue;
            }
            assertEquals(heldCounts, counts, "accounting with " + budget + " bytes for persons");
            assertEquals(RecordingSink.compacted(held.sent(EventTopics.PATSTAT_APPLICATIONS.name())),
                    RecordingSink.compacted(sink.sent(EventTopics.PATSTAT_APPLICATIONS.name())), "events with " + budget + " bytes");
            // Ranges of appln_ids are assembled at the same time: rejects come in no fixed order.
            assertEquals(held.sent(EventTopics.REJECTS.name()).stream().map(sent -> sent.value().toString()).sorted().toList(),
                    sink.sent(EventTopics.REJECTS.name()).stream().map(sent -> sent.value().toString()).sorted().toList(),
                    "rejects with " + budget + " bytes");
        }
    }

    private static RecordAccounting.Snapshot ingest(GeneratedRelease release, String id, Path state, RecordingSink sink)
            throws Exception {
        return ingest(release, id, state, sink, 64L << 20);
    }

    private static RecordAccounting.Snapshot ingest(GeneratedRelease release, String id, Path state, RecordingSink sink,
            long personMemoryBytes) throws Exception {
        IngestJob job = new IngestJob("test-" + id, "patstat", id, release.directory(), null);
        new PatstatIngestRun(job, state.resolve("patstat"), sink, 16L << 20, personMemoryBytes).run();
        return job.accounting().snapshot();
    }

    private static long rows(GeneratedRelease release) {
        return List.of("tls201", "tls206", "tls207", "tls209", "tls202", "tls203").stream()
                .mapToLong(table -> release.fact(table + ".rows")).sum();
    }

    private static long childRows(GeneratedRelease release, String category) {
        return CHILD_TABLES.stream().mapToLong(table -> release.fact(table + "." + category)).sum();
    }

    private static Map<String, PatentApplication> withoutRelease(Map<String, SpecificRecord> view) {
        return view.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> {
            PatentApplication copy = PatentApplication.newBuilder((PatentApplication) entry.getValue()).build();
            copy.setSourceRelease("");
            return copy;
        }, (a, b) -> a, TreeMap::new));
    }
}
