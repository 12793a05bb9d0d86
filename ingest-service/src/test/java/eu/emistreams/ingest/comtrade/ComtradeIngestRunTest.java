package eu.emistreams.ingest.comtrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.comtrade.TradeFlow;
import eu.emistreams.events.ingest.RejectedRow;
import eu.emistreams.ingest.job.RecordAccounting;
import eu.emistreams.ingest.source.UnreadableInputException;
import eu.emistreams.ingest.testing.KeyedRuns;
import eu.emistreams.ingest.testing.RecordingSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of indicators.md §5 on hand-made files in the 47-column API layout, with the quirks of
 * real extracts: HS levels 2, 4 and 6 side by side, quoted descriptions with commas, {@code NA},
 * {@code TRUE}/{@code FALSE}, codes with trailing spaces, customs and transport splits beside
 * their totals, a non-ISO reporter.
 */
class ComtradeIngestRunTest {

    /** The API's 47 columns in the API's order (comtradeapi.un.org v1). */
    static final List<String> API_COLUMNS = List.of("typeCode", "freqCode", "refPeriodId", "refYear", "refMonth",
            "period", "reporterCode", "reporterISO", "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO",
            "partnerDesc", "partner2Code", "partner2ISO", "partner2Desc", "classificationCode", "classificationSearchCode",
            "isOriginalClassification", "cmdCode", "cmdDesc", "aggrLevel", "isLeaf", "customsCode", "customsDesc",
            "mosCode", "motCode", "motDesc", "qtyUnitCode", "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode",
            "altQtyUnitAbbr", "altQty", "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt",
            "isGrossWgtEstimated", "cifvalue", "fobvalue", "primaryValue", "legacyEstimationFlag", "isReported",
            "isAggregate");

    @TempDir
    Path temp;

    @Test
    void everyRowLandsInExactlyOneBucketForTheRightReason() throws Exception {
        Path release = temp.resolve("R1");
        Files.createDirectories(release);
        writeApiFile(release.resolve("belgium-2020.csv"), List.of(
                row("cmdCode", "854140", "primaryValue", "1500000.5", "mosCode", "0 "),            // 2 published
                row("cmdCode", "854140", "flowCode", "X", "flowDesc", "Export", "primaryValue", "900000"), // 3 published
                row("cmdCode", "8541", "aggrLevel", "4", "isLeaf", "FALSE"),                         // 4 hs_level_not_6
                row("cmdCode", "85", "aggrLevel", "2", "isLeaf", "FALSE"),                           // 5 hs_level_not_6
                row("cmdCode", "TOTAL", "aggrLevel", "0", "isLeaf", "FALSE"),                        // 6 hs_level_not_6
                row("cmdCode", "854140", "partnerCode", "276", "partnerISO", "DEU"),                 // 7 partner_not_world
                row("cmdCode", "854140", "customsCode", "C01", "customsDesc", "Inward processing"),  // 8 customs_not_total
                row("cmdCode", "854140", "motCode", "2100", "motDesc", "Sea"),                       // 9 mot_not_total
                row("cmdCode", "854140", "flowCode", "RX", "flowDesc", "Re-export"),                 // 10 flow_not_x_or_m
                row("cmdCode", "850231", "primaryValue", "NA"),                                      // 11 missing_value
                row("cmdCode", "841861", "primaryValue", "1,234.5"),                                 // 12 unparsable_number
                row("cmdCode", "854140", "primaryValue", "7"),                                       // 13 duplicate_key
                row("cmdCode", "850760", "motCode", "0 ", "customsCode", "C00 "),                    // 14 published
                row("cmdCode", "850760", "reporterCode", "490", "reporterISO", "S19",
                        "reporterDesc", "Other Asia, nes"),                                          // 15 published, ZZ
                row("cmdCode", "850760", "freqCode", "M", "period", "202003"),                       // 16 not_annual
                row("cmdCode", "85A760"),                                                            // 17 invalid_code
                row("cmdCode", "850760", "refYear", "20X0")));                                       // 18 unparsable
        // Line 19: a row with a wrong field count, as a careless export writes one.
        Files.writeString(release.resolve("belgium-2020.csv"), "C,A,20200101,2020\n", StandardOpenOption.APPEND);
        // A second file, gzipped, in the bulk style: fewer columns, another order, no customs or mode columns.
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(release.resolve("france-2021.csv.gz")))) {
            out.write(("reporterISO,refYear,flowCode,partnerCode,cmdCode,primaryValue,reporterCode\n"
                    + "FRA,2021,X,0,850231,2500000,251\n"
                    + "FRA,2021,M,0,850231,1.2E6,251\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(release.resolve("README.txt"), "not part of the release");

        RecordingSink sink = new RecordingSink();
        RecordAccounting.Snapshot counts = KeyedRuns.run("comtrade", release, "R1", temp.resolve("state"), sink)
                .accounting().snapshot();

        assertTrue(counts.balanced(), counts.toString());
        assertEquals(20, counts.read());
        assertEquals(Map.of("read.belgium-2020", 18L, "read.france-2021", 2L), counts.details().entrySet().stream()
                .filter(e -> e.getKey().startsWith("read.")).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(6, counts.published());
        assertEquals(3, counts.detail("ignored.hs_level_not_6"));
        assertEquals(1, counts.detail("ignored.partner_not_world"));
        assertEquals(1, counts.detail("ignored.customs_not_total"));
        assertEquals(1, counts.detail("ignored.mot_not_total"));
        assertEquals(1, counts.detail("ignored.flow_not_x_or_m"));
        assertEquals(1, counts.detail("ignored.not_annual"));
        assertEquals(8, counts.ignored());
        assertEquals(0, counts.quality());
        assertEquals(1, counts.detail("rejected.missing_value"));
        assertEquals(2, counts.detail("rejected.unparsable_number"));
        assertEquals(1, counts.detail("rejected.duplicate_key"));
        assertEquals(1, counts.detail("rejected.invalid_code"));
        assertEquals(1, counts.detail("rejected.malformed_row"));
        assertEquals(6, counts.rejected());
        assertEquals(1, counts.detail("note.country_to_ZZ"));

        Map<String, SpecificRecord> flows = RecordingSink.compacted(sink.sent(EventTopics.COMTRADE_FLOWS.name()));
        assertEquals(6, flows.size());
        TradeFlow solarImports = (TradeFlow) flows.get("2020|BEL|M|0|854140|C00|0");
        assertEquals(1500000.5, solarImports.getPrimaryValue());
        assertEquals("BE", solarImports.getReporterCountry());
        assertEquals("H5", solarImports.getClassificationCode());
        assertEquals("R1", solarImports.getSourceRelease());
        assertEquals(900000.0, ((TradeFlow) flows.get("2020|BEL|X|0|854140|C00|0")).getPrimaryValue());
        assertEquals("C00", ((TradeFlow) flows.get("2020|BEL|M|0|850760|C00|0")).getCustomsCode(), "trimmed");
        assertEquals("ZZ", ((TradeFlow) flows.get("2020|S19|M|0|850760|C00|0")).getReporterCountry());
        TradeFlow bulk = (TradeFlow) flows.get("2021|FRA|M|0|850231||");
        assertEquals(1_200_000.0, bulk.getPrimaryValue());
        assertEquals("FR", bulk.getReporterCountry());
        assertNull(bulk.getCustomsCode());
        assertNull(bulk.getClassificationCode());

        Map<String, RejectedRow> rejects = sink.sent(EventTopics.REJECTS.name()).stream().map(s -> (RejectedRow) s.value())
                .collect(Collectors.toMap(r -> r.getFile() + ":" + r.getLine(), r -> r));
        assertEquals(6, rejects.size());
        assertTrue(rejects.get("belgium-2020.csv:11").getReason().startsWith("missing_value: primaryValue"));
        assertTrue(rejects.get("belgium-2020.csv:12").getReason().startsWith("unparsable_number: primaryValue '1,234.5'"));
        assertEquals("duplicate_key: key 2020|BEL|M|0|854140|C00|0 appears more than once (first in belgium-2020.csv line 2)",
                rejects.get("belgium-2020.csv:13").getReason());
        assertTrue(rejects.get("belgium-2020.csv:19").getReason().startsWith("malformed_row"));
        assertTrue(rejects.values().stream().allMatch(r -> r.getRelease().equals("R1") && r.getSource().equals("comtrade")));
    }

    @Test
    void aSecondReleaseRepublishesChangesAndRetractsWhatLeftAndAThirdRunOfItPublishesNothing() throws Exception {
        Path r1 = temp.resolve("R1");
        Path r2 = temp.resolve("R2");
        Files.createDirectories(r1);
        Files.createDirectories(r2);
        writeApiFile(r1.resolve("flows.csv"), List.of(
                row("cmdCode", "854140", "primaryValue", "100"),
                row("cmdCode", "850231", "primaryValue", "200"),
                row("cmdCode", "841861", "primaryValue", "300")));
        writeApiFile(r2.resolve("flows.csv"), List.of(
                row("cmdCode", "854140", "primaryValue", "100", "cmdDesc", "a new description is no new fact"),
                row("cmdCode", "850231", "primaryValue", "250"),
                row("cmdCode", "850760", "primaryValue", "400")));
        Path state = temp.resolve("state");
        RecordingSink sink = new RecordingSink();
        KeyedRuns.run("comtrade", r1, "R1", state, sink);
        int afterFirst = sink.sent(EventTopics.COMTRADE_FLOWS.name()).size();
        RecordAccounting.Snapshot second = KeyedRuns.run("comtrade", r2, "R2", state, sink).accounting().snapshot();

        assertEquals(3, afterFirst);
        assertEquals(2, second.eventsChanged());
        assertEquals(1, second.eventsUnchanged());
        assertEquals(1, second.eventsRetracted());
        Map<String, SpecificRecord> view = RecordingSink.compacted(sink.sent(EventTopics.COMTRADE_FLOWS.name()));
        assertEquals(List.of("2020|BEL|M|0|850231|C00|0", "2020|BEL|M|0|850760|C00|0", "2020|BEL|M|0|854140|C00|0"),
                view.keySet().stream().sorted().toList());
        assertEquals("R1", ((TradeFlow) view.get("2020|BEL|M|0|854140|C00|0")).getSourceRelease());
        assertEquals(250.0, ((TradeFlow) view.get("2020|BEL|M|0|850231|C00|0")).getPrimaryValue());

        RecordingSink again = new RecordingSink();
        RecordAccounting.Snapshot third = KeyedRuns.run("comtrade", r2, "R2", state, again).accounting().snapshot();
        assertEquals(0, third.eventsChanged() + third.eventsRetracted());
        assertEquals(3, third.eventsUnchanged());
        assertEquals(List.of(EventTopics.INGEST_REPORTS.name(), EventTopics.INGEST_REPORTS.name()),
                again.sent().stream().map(RecordingSink.Sent::topic).toList());
    }

    @Test
    void aSingleFileIsARelease() throws Exception {
        Path file = temp.resolve("one.csv");
        writeApiFile(file, List.of(row("cmdCode", "854140", "primaryValue", "5")));
        RecordingSink sink = new RecordingSink();
        KeyedRuns.run("comtrade", file, "one", temp.resolve("state"), sink);
        assertEquals(1, sink.sent(EventTopics.COMTRADE_FLOWS.name()).size());
    }

    @Test
    void aFileWithoutARequiredColumnFailsBeforeAnythingButTheReportsIsPublished() throws Exception {
        Path release = temp.resolve("R1");
        Files.createDirectories(release);
        writeApiFile(release.resolve("a.csv"), List.of(row("cmdCode", "854140")));
        Files.writeString(release.resolve("b.csv"), "refYear,reporterISO,flowCode,partnerCode,cmdCode\n2020,BEL,M,0,854140\n");
        RecordingSink sink = new RecordingSink();
        UnreadableInputException failure = assertThrows(UnreadableInputException.class,
                () -> KeyedRuns.run("comtrade", release, "R1", temp.resolve("state"), sink));
        assertTrue(failure.getMessage().startsWith("b.csv: missing required column primaryValue"), failure.getMessage());
        assertEquals(List.of(EventTopics.INGEST_REPORTS.name(), EventTopics.INGEST_REPORTS.name()),
                sink.sent().stream().map(RecordingSink.Sent::topic).toList());
        assertTrue(Files.notExists(temp.resolve("state/comtrade/state/CURRENT")));
    }

    /** A Belgian import of the template product in 2020 at the total level, with the given columns changed. */
    static Map<String, String> row(String... overrides) {
        Map<String, String> row = new LinkedHashMap<>();
        String[] template = {"C", "A", "20200101", "2020", "52", "2020", "56", "BEL", "Belgium", "M", "Import", "0",
            "W00", "World", "0", "W00", "World", "H5", "HS", "TRUE", "854140",
            "Electrical apparatus; photosensitive, including photovoltaic cells, whether or not assembled in modules",
            "6", "TRUE", "C00", "TOTAL CPC", "0", "0", "TOTAL MOT", "8", "kg", "1000", "FALSE", "-1", "N/A", "0", "FALSE",
            "1000", "FALSE", "NA", "FALSE", "123456.789", "NA", "123456.789", "0", "FALSE", "FALSE"};
        for (int i = 0; i < API_COLUMNS.size(); i++) {
            row.put(API_COLUMNS.get(i), template[i]);
        }
        for (int i = 0; i < overrides.length; i += 2) {
            if (!row.containsKey(overrides[i])) {
                throw new IllegalArgumentException("no column " + overrides[i]);
            }
            row.put(overrides[i], overrides[i + 1]);
        }
        return row;
    }

    static void writeApiFile(Path file, List<Map<String, String>> rows) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(API_COLUMNS);
            for (Map<String, String> row : rows) {
                printer.printRecord(row.values());
            }
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }
}
