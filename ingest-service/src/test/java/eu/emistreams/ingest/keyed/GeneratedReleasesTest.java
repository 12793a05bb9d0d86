package eu.emistreams.ingest.keyed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.comtrade.TradeFlow;
import eu.emistreams.events.crunchbase.FundingRound;
import eu.emistreams.events.prodcom.ProductionObservation;
import eu.emistreams.ingest.job.RecordAccounting;
import eu.emistreams.ingest.testing.KeyedRuns;
import eu.emistreams.ingest.testing.RecordingSink;
import eu.emistreams.sampledata.ComtradeGenerator;
import eu.emistreams.sampledata.CrunchbaseGenerator;
import eu.emistreams.sampledata.FileCompression;
import eu.emistreams.sampledata.GeneratedRelease;
import eu.emistreams.sampledata.ProdcomGenerator;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests releases the generators wrote and checks the outcome against what each generator says
 * it put in them: every bucket and detail of the accounting (indicators.md §8), and the events of
 * a revision (indicators.md §4): new or changed, unchanged and retracted keys as the generator
 * counted them, and a state after R1 then R2 equal to R2 ingested alone.
 */
class GeneratedReleasesTest {

    @TempDir
    Path temp;

    @Test
    void comtradeAccountingAndRevisionMatchTheGenerator() throws Exception {
        GeneratedRelease r1 = new ComtradeGenerator().generate(temp.resolve("R1"), 41, 3_000);
        GeneratedRelease r2 = new ComtradeGenerator(FileCompression.GZIP).revise(r1.directory(), temp.resolve("R2"), 42, 0.3);
        for (GeneratedRelease release : new GeneratedRelease[] {r1, r2}) {
            assertTrue(release.fact("rows.na_value") > 0 && release.fact("rows.thousands_separator") > 0
                    && release.fact("rows.repeated_key") > 0 && release.fact("rows.hs6_total.unknown_reporter") > 0);
        }
        Map<String, Long> expected = new TreeMap<>();
        expected.put("ignored.hs_level_not_6", r2.fact("rows.hs2") + r2.fact("rows.hs4") + r2.fact("rows.total"));
        expected.put("ignored.partner_not_world", r2.fact("rows.partner"));
        expected.put("ignored.customs_not_total", r2.fact("rows.customs_split"));
        expected.put("ignored.mot_not_total", r2.fact("rows.mot_split"));
        expected.put("ignored.flow_not_x_or_m", r2.fact("rows.reexport"));
        expected.put("rejected.missing_value", r2.fact("rows.na_value"));
        expected.put("rejected.unparsable_number", r2.fact("rows.thousands_separator"));
        expected.put("rejected.duplicate_key", r2.fact("rows.repeated_key"));
        expected.put("note.country_to_ZZ", r2.fact("rows.hs6_total.unknown_reporter"));
        checkRevision("comtrade", EventTopics.COMTRADE_FLOWS.name(), r1, r2, r2.fact("rows"), r2.fact("rows.hs6_total"), expected,
                event -> {
                    ((TradeFlow) event).setSourceRelease("");
                    return event;
                });
    }

    @Test
    void prodcomAccountingAndRevisionMatchTheGenerator() throws Exception {
        GeneratedRelease r1 = new ProdcomGenerator(FileCompression.ZIP).generate(temp.resolve("R1"), 51, 3_000);
        GeneratedRelease r2 = new ProdcomGenerator().revise(r1.directory(), temp.resolve("R2"), 52, 0.3);
        for (GeneratedRelease release : new GeneratedRelease[] {r1, r2}) {
            assertTrue(release.fact("rows.confidential_flagged") > 0 && release.fact("cells.confidential_absent") > 0
                    && release.fact("rows.missing_value") > 0 && release.fact("rows.greece_overlap") > 0
                    && release.fact("rows.bad_product") > 0);
        }
        Map<String, Long> expected = new TreeMap<>();
        expected.put("ignored.not_prodval", r2.fact("rows.prodqnt"));
        expected.put("ignored.aggregate_reporter", r2.fact("rows.aggregate_prodval"));
        expected.put("quality.confidential", r2.fact("rows.confidential_flagged"));
        expected.put("quality.missing_value", r2.fact("rows.missing_value"));
        expected.put("rejected.duplicate_key", r2.fact("rows.greece_overlap"));
        expected.put("rejected.invalid_product", r2.fact("rows.bad_product"));
        checkRevision("prodcom", EventTopics.PRODCOM_OBSERVATIONS.name(), r1, r2, r2.fact("rows"), r2.fact("rows.prodval"), expected,
                event -> {
                    ((ProductionObservation) event).setSourceRelease("");
                    return event;
                });
    }

    @Test
    void crunchbaseAccountingAndRevisionMatchTheGenerator() throws Exception {
        GeneratedRelease r1 = new CrunchbaseGenerator().generate(temp.resolve("R1"), 61, 2_500);
        GeneratedRelease r2 = new CrunchbaseGenerator(FileCompression.GZIP).revise(r1.directory(), temp.resolve("R2"), 62, 0.3);
        for (GeneratedRelease release : new GeneratedRelease[] {r1, r2}) {
            assertTrue(release.fact("rounds.orphan") > 0 && release.fact("rounds.bad_date") > 0
                    && release.fact("rounds.blank_type") > 0 && release.fact("rounds.repeated") > 0
                    && release.fact("organizations.without_published_round") > 0
                    && release.fact("rounds.published.blank_country") > 0);
        }
        Map<String, Long> expected = new TreeMap<>();
        expected.put("ignored.organization_without_round", r2.fact("organizations.without_published_round"));
        expected.put("rejected.orphan_round", r2.fact("rounds.orphan"));
        expected.put("rejected.unparsable_date", r2.fact("rounds.bad_date"));
        expected.put("rejected.missing_value", r2.fact("rounds.blank_type"));
        expected.put("rejected.duplicate_key", r2.fact("rounds.repeated"));
        expected.put("note.country_to_ZZ", r2.fact("rounds.published.blank_country"));
        checkRevision("crunchbase", EventTopics.CRUNCHBASE_ROUNDS.name(), r1, r2,
                r2.fact("organizations.rows") + r2.fact("rounds.rows"),
                r2.fact("rounds.published") + r2.fact("organizations.with_published_round"), expected, event -> {
                    ((FundingRound) event).setSourceRelease("");
                    return event;
                });
    }

    private void checkRevision(String source, String topic, GeneratedRelease r1, GeneratedRelease r2, long rows,
            long published, Map<String, Long> expectedDetails, UnaryOperator<SpecificRecord> withoutRelease)
            throws Exception {
        Path state = temp.resolve("state");
        RecordingSink sink = new RecordingSink();
        RecordAccounting.Snapshot first = KeyedRuns.run(source, r1.directory(), "R1", state, sink).accounting().snapshot();
        assertTrue(first.balanced(), first.toString());
        assertEquals(r1.fact("revision.keys.new_or_changed"), first.eventsChanged());
        int afterFirst = sink.sent(topic).size();

        RecordAccounting.Snapshot second = KeyedRuns.run(source, r2.directory(), "R2", state, sink).accounting().snapshot();
        assertTrue(second.balanced(), second.toString());
        assertEquals(rows, second.read());
        assertEquals(published, second.published());
        Map<String, Long> details = second.details().entrySet().stream()
                .filter(detail -> !detail.getKey().startsWith("read."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
        Map<String, Long> nonZero = new TreeMap<>(expectedDetails);
        nonZero.values().removeIf(count -> count == 0);
        assertEquals(nonZero, details);
        assertEquals(r2.fact("revision.keys.new_or_changed"), second.eventsChanged());
        assertEquals(r2.fact("revision.keys.unchanged"), second.eventsUnchanged());
        assertEquals(r2.fact("revision.keys.retracted"), second.eventsRetracted());
        assertTrue(second.eventsChanged() > 0 && second.eventsUnchanged() > 0 && second.eventsRetracted() > 0);
        assertEquals(second.eventsChanged() + second.eventsRetracted(), sink.sent(topic).size() - afterFirst);

        // indicators.md §4: after R1 then R2 the state equals R2 ingested alone.
        RecordingSink alone = new RecordingSink();
        KeyedRuns.run(source, r2.directory(), "R2", temp.resolve("state-alone"), alone);
        Function<RecordingSink, Map<String, SpecificRecord>> view = s -> RecordingSink.compacted(s.sent(topic))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> withoutRelease.apply(copy(e.getValue())), (a, b) -> a, TreeMap::new));
        assertEquals(view.apply(alone), view.apply(sink));
        assertEquals(r2.fact("revision.keys.new_or_changed") + r2.fact("revision.keys.unchanged"),
                view.apply(sink).size());
    }

    private static SpecificRecord copy(SpecificRecord record) {
        return (SpecificRecord) org.apache.avro.specific.SpecificData.get().deepCopy(record.getSchema(), record);
    }
}
