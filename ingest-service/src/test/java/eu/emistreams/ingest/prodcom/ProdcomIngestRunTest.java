package eu.emistreams.ingest.prodcom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.ingest.RejectedRow;
import eu.emistreams.events.prodcom.ProductionObservation;
import eu.emistreams.ingest.job.RecordAccounting;
import eu.emistreams.ingest.testing.KeyedRuns;
import eu.emistreams.ingest.testing.RecordingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of indicators.md §6 on hand-made SDMX-CSV files with the quirks of real DS-059358
 * extractions: with and without an OBS_FLAG column, Greece as GR in one and EL in another, the
 * EU27_2020 aggregate, products with and without dots, confidential cells flagged or left empty.
 */
class ProdcomIngestRunTest {

    @TempDir
    Path temp;

    @Test
    void everyRowLandsInExactlyOneBucketForTheRightReason() throws Exception {
        Path release = temp.resolve("R1");
        Files.createDirectories(release);
        // As the Comext API answers: no OBS_FLAG column, confidential cells simply absent.
        Files.writeString(release.resolve("01_solar.csv"), """
                DATAFLOW,LAST UPDATE,freq,reporter,product,indicators,TIME_PERIOD,OBS_VALUE
                ESTAT:DS-059358(1.0),16/01/26 11:00:00,A,BE,26112240,PRODVAL,2020,3138654
                ESTAT:DS-059358(1.0),16/01/26 11:00:00,A,BE,26112240,PRODQNT,2020,131048
                ESTAT:DS-059358(1.0),16/01/26 11:00:00,A,GR,26112240,PRODVAL,2020,420000
                ESTAT:DS-059358(1.0),16/01/26 11:00:00,A,EU27_2020,26112240,PRODVAL,2020,420000000
                ESTAT:DS-059358(1.0),16/01/26 11:00:00,A,DE,26112240,QNTUNIT,2020,
                ESTAT:DS-059358(1.0),16/01/26 11:00:00,A,DE,26112240,PRODVAL,2020,
                ESTAT:DS-059358(1.0),16/01/26 11:00:00,A,FR,2611224,PRODVAL,2020,100
                ESTAT:DS-059358(1.0),16/01/26 11:00:00,A,FR,26112240,PRODVAL,20X0,100
                ESTAT:DS-059358(1.0),16/01/26 11:00:00,A,XK,26112240,PRODVAL,2020,55
                """);
        // Another extraction: dotted products, Greece as EL, an OBS_FLAG column, columns reordered.
        Files.writeString(release.resolve("02_wind.csv"), """
                TIME_PERIOD,reporter,product,indicators,OBS_VALUE,OBS_FLAG,freq,DATAFLOW
                2020,EL,26.11.22.40,PRODVAL,999,,A,ESTAT:DS-059358(1.0)
                2021,EL,27.11.32.30,PRODVAL,1200.5,p,A,ESTAT:DS-059358(1.0)
                2021,BE,27.11.32.30,PRODVAL,,c,A,ESTAT:DS-059358(1.0)
                2021,AT,27.11.32.30,PRODVAL,:,,A,ESTAT:DS-059358(1.0)
                2021,IT,27.11.32.30,PRODVAL,12 345,,A,ESTAT:DS-059358(1.0)
                2021,EA20,27.11.32.30,PRODQNT,5,,A,ESTAT:DS-059358(1.0)
                2021,UK,27.11.32.30,PRODVAL,77,,A,ESTAT:DS-059358(1.0)
                2021,NL,27.11.32.30,PRODVAL,77,,M,ESTAT:DS-059358(1.0)
                """);

        RecordingSink sink = new RecordingSink();
        RecordAccounting.Snapshot counts = KeyedRuns.run("prodcom", release, "R1", temp.resolve("state"), sink)
                .accounting().snapshot();

        assertTrue(counts.balanced(), counts.toString());
        assertEquals(17, counts.read());
        assertEquals(5, counts.published());
        assertEquals(3, counts.detail("ignored.not_prodval"));
        assertEquals(1, counts.detail("ignored.aggregate_reporter"));
        assertEquals(1, counts.detail("ignored.not_annual"));
        assertEquals(5, counts.ignored());
        assertEquals(1, counts.detail("quality.confidential"));
        assertEquals(2, counts.detail("quality.missing_value"));
        assertEquals(3, counts.quality());
        assertEquals(1, counts.detail("rejected.invalid_product"));
        assertEquals(2, counts.detail("rejected.unparsable_number"));
        assertEquals(1, counts.detail("rejected.duplicate_key"));
        assertEquals(4, counts.rejected());
        assertEquals(1, counts.detail("note.country_to_ZZ"));

        Map<String, SpecificRecord> view = RecordingSink.compacted(sink.sent(EventTopics.PRODCOM_OBSERVATIONS.name()));
        assertEquals(List.of("BE|26112240|PRODVAL|2020", "GB|27113230|PRODVAL|2021", "GR|26112240|PRODVAL|2020",
                "GR|27113230|PRODVAL|2021", "XK|26112240|PRODVAL|2020"), view.keySet().stream().sorted().toList());
        ProductionObservation greece = (ProductionObservation) view.get("GR|26112240|PRODVAL|2020");
        assertEquals(420000.0, greece.getValueEur(), "GR and EL rows of one cell are one key: the first one wins");
        assertEquals("GR", greece.getReporter());
        ProductionObservation el = (ProductionObservation) view.get("GR|27113230|PRODVAL|2021");
        assertEquals("EL", el.getReporter());
        assertEquals("GR", el.getCountry());
        assertEquals("27113230", el.getProduct());
        assertEquals(1200.5, el.getValueEur());
        assertEquals("GB", ((ProductionObservation) view.get("GB|27113230|PRODVAL|2021")).getCountry());
        assertEquals("ZZ", ((ProductionObservation) view.get("XK|26112240|PRODVAL|2020")).getCountry());

        Map<String, String> reasons = sink.sent(EventTopics.REJECTS.name()).stream().map(s -> (RejectedRow) s.value())
                .collect(Collectors.toMap(r -> r.getFile() + ":" + r.getLine(), RejectedRow::getReason));
        assertEquals(Map.of(
                "01_solar.csv:8", "invalid_product: product '2611224' is not an 8-digit PRODCOM code",
                "01_solar.csv:9", "unparsable_number: TIME_PERIOD '20X0' is not a year",
                "02_wind.csv:2", "duplicate_key: key GR|26112240|PRODVAL|2020 appears more than once (first in 01_solar.csv line 4)",
                "02_wind.csv:6", "unparsable_number: OBS_VALUE '12 345' is not a number"), reasons);
    }

    @Test
    void aCellThatTurnsConfidentialIsRetracted() throws Exception {
        Path r1 = temp.resolve("R1.csv");
        Path r2 = temp.resolve("R2.csv");
        Files.writeString(r1, """
                freq,reporter,product,indicators,TIME_PERIOD,OBS_VALUE,OBS_FLAG
                A,BE,26112240,PRODVAL,2020,100,
                A,BE,26112240,PRODVAL,2021,110,
                """);
        Files.writeString(r2, """
                freq,reporter,product,indicators,TIME_PERIOD,OBS_VALUE,OBS_FLAG
                A,BE,26112240,PRODVAL,2020,100,
                A,BE,26112240,PRODVAL,2021,,c
                """);
        Path state = temp.resolve("state");
        RecordingSink sink = new RecordingSink();
        KeyedRuns.run("prodcom", r1, "R1", state, sink);
        RecordAccounting.Snapshot second = KeyedRuns.run("prodcom", r2, "R2", state, sink).accounting().snapshot();
        assertEquals(1, second.eventsUnchanged());
        assertEquals(1, second.eventsRetracted());
        assertEquals(1, second.detail("quality.confidential"));
        assertEquals(List.of("BE|26112240|PRODVAL|2020"),
                List.copyOf(RecordingSink.compacted(sink.sent(EventTopics.PRODCOM_OBSERVATIONS.name())).keySet()));
    }
}
