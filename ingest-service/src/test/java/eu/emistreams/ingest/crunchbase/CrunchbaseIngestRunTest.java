package eu.emistreams.ingest.crunchbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.crunchbase.FundingRound;
import eu.emistreams.events.ingest.RejectedRow;
import eu.emistreams.ingest.job.RecordAccounting;
import eu.emistreams.ingest.source.UnreadableInputException;
import eu.emistreams.ingest.testing.KeyedRuns;
import eu.emistreams.ingest.testing.RecordingSink;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The join and rules of indicators.md §7 on a hand-made bulk export small enough to know every row. */
class CrunchbaseIngestRunTest {

    @TempDir
    Path temp;

    @Test
    void everyRowLandsInExactlyOneBucketForTheRightReason() throws Exception {
        Path release = temp.resolve("R1");
        Files.createDirectories(release);
        Files.writeString(release.resolve("organizations.csv"), "\uFEFF"
                + "uuid,name,type,country_code,city,short_description,category_list,category_groups_list,founded_on\n"
                + "o-1,Soleil SA,organization,BEL,Brussels,\"Solar panels, cheaper\nand better\",\"Solar,Renewable Energy, CleanTech\",Energy,2012-01-01\n"
                + "o-2,NoCountry Ltd,organization,,,,\"Artificial Intelligence,,Machine Learning,Artificial Intelligence\",,\n"
                + "o-3,Lonely GmbH,organization,DEU,Berlin,No rounds at all,Software,Software,\n"
                + "o-1,Soleil Again,organization,FRA,,,,,\n"
                + ",Blank Uuid,organization,FRA,,,,,\n"
                + "o-4,Romania Old Code,organization,ROM,,,Robotics,,\n"
                + "o-5,Nowhere Inc,organization,XKX,,,Drones,,\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(release.resolve("funding_rounds.csv.gz")))) {
            out.write(("uuid,name,investment_type,announced_on,raised_amount_usd,raised_amount,country_code,org_uuid,org_name\n"
                    + "r-1,Seed,seed,2016-03-01,1500000,1500000,BEL,o-1,Soleil SA\n"
                    + "r-2,Series A,series_a,2019-11-30,,,BEL,o-1,Soleil SA\n"
                    + "r-3,Grant,grant,2020-05-05,250000.5,,,o-2,NoCountry Ltd\n"
                    + "r-4,Orphan,seed,2020-01-01,10,,USA,o-9,Gone\n"
                    + "r-5,Bad date,seed,2020-02-30,10,,BEL,o-1,Soleil SA\n"
                    + "r-6,No type,,2020-02-01,10,,BEL,o-1,Soleil SA\n"
                    + "r-7,Bad amount,seed,2020-02-01,\"1,000\",,BEL,o-1,Soleil SA\n"
                    + "r-1,Repeat,seed,2016-03-01,1,,BEL,o-1,Soleil SA\n"
                    + "r-8,Negative,debt_financing,2021-02-01,-5,,BEL,o-1,Soleil SA\n"
                    + "r-9,Old code,Series_B,2022-06-01,2000000,,ROU,o-4,Romania Old Code\n"
                    + "r-10,Unknown,angel,2023-06-01,3,,,o-5,Nowhere Inc\n"
                    + ",No uuid,seed,2020-01-01,1,,,o-1,Soleil SA\n").getBytes(StandardCharsets.UTF_8));
        }

        RecordingSink sink = new RecordingSink();
        RecordAccounting.Snapshot counts = KeyedRuns.run("crunchbase", release, "R1", temp.resolve("state"), sink)
                .accounting().snapshot();

        assertTrue(counts.balanced(), counts.toString());
        assertEquals(19, counts.read());
        assertEquals(7, counts.detail("read.organizations"));
        assertEquals(12, counts.detail("read.funding_rounds"));
        // Rounds r-1, r-2, r-3, r-9, r-10 and organizations o-1, o-2, o-4, o-5.
        assertEquals(9, counts.published());
        assertEquals(1, counts.detail("ignored.organization_without_round"));
        assertEquals(1, counts.ignored());
        assertEquals(1, counts.detail("rejected.orphan_round"));
        assertEquals(1, counts.detail("rejected.unparsable_date"));
        assertEquals(3, counts.detail("rejected.missing_value"));
        assertEquals(1, counts.detail("rejected.unparsable_number"));
        assertEquals(1, counts.detail("rejected.negative_amount"));
        assertEquals(2, counts.detail("rejected.duplicate_key"));
        assertEquals(9, counts.rejected());
        assertEquals(2, counts.detail("note.country_to_ZZ"));

        Map<String, SpecificRecord> rounds = RecordingSink.compacted(sink.sent(EventTopics.CRUNCHBASE_ROUNDS.name()));
        assertEquals(List.of("r-1", "r-10", "r-2", "r-3", "r-9"), rounds.keySet().stream().sorted().toList());
        FundingRound seed = (FundingRound) rounds.get("r-1");
        assertEquals("BE", seed.getCountry());
        assertEquals("BEL", seed.getCountryIso3());
        assertEquals(List.of("Solar", "Renewable Energy", "CleanTech"), seed.getCategories());
        assertEquals(2016, seed.getYear());
        assertEquals("2016-03-01", seed.getAnnouncedOn());
        assertEquals(1_500_000.0, seed.getRaisedAmountUsd());
        assertEquals("Soleil SA", seed.getOrgName(), "the first organization row of a uuid wins");
        assertEquals("R1", seed.getSourceRelease());
        assertNull(((FundingRound) rounds.get("r-2")).getRaisedAmountUsd());
        FundingRound grant = (FundingRound) rounds.get("r-3");
        assertEquals("ZZ", grant.getCountry());
        assertNull(grant.getCountryIso3());
        assertEquals(List.of("Artificial Intelligence", "Machine Learning"), grant.getCategories());
        assertEquals("grant", grant.getInvestmentType());
        FundingRound romania = (FundingRound) rounds.get("r-9");
        assertEquals("RO", romania.getCountry());
        assertEquals("series_b", romania.getInvestmentType());
        assertEquals("ZZ", ((FundingRound) rounds.get("r-10")).getCountry());

        Map<String, String> reasons = sink.sent(EventTopics.REJECTS.name()).stream().map(s -> (RejectedRow) s.value())
                .collect(Collectors.toMap(r -> r.getFile() + ":" + r.getLine(), RejectedRow::getReason));
        assertEquals("duplicate_key: uuid o-1 appears more than once (first on line 2)", reasons.get("organizations.csv:6"));
        assertEquals("missing_value: uuid is blank", reasons.get("organizations.csv:7"));
        assertEquals("orphan_round: org_uuid o-9 is not in organizations.csv", reasons.get("funding_rounds.csv.gz:5"));
        assertEquals("unparsable_date: announced_on '2020-02-30' is not a date yyyy-mm-dd",
                reasons.get("funding_rounds.csv.gz:6"));
        assertEquals("duplicate_key: key r-1 appears more than once (first in funding_rounds.csv.gz line 2)",
                reasons.get("funding_rounds.csv.gz:9"));
        assertEquals(9, reasons.size());
    }

    @Test
    void roundsThatLeaveAreRetractedAndAnOrganizationChangeRepublishesItsRounds() throws Exception {
        Path r1 = temp.resolve("R1");
        Path r2 = temp.resolve("R2");
        Files.createDirectories(r1);
        Files.createDirectories(r2);
        String rounds = "uuid,org_uuid,investment_type,announced_on,raised_amount_usd\n"
                + "r-1,o-1,seed,2016-03-01,100\n"
                + "r-2,o-2,series_a,2017-03-01,200\n";
        Files.writeString(r1.resolve("organizations.csv"), "uuid,name,country_code,category_list\n"
                + "o-1,One,BEL,Solar\no-2,Two,NLD,Software\n");
        Files.writeString(r1.resolve("funding_rounds.csv"), rounds + "r-3,o-2,seed,2015-01-01,50\n");
        Files.writeString(r2.resolve("organizations.csv"), "uuid,name,country_code,category_list\n"
                + "o-1,One,BEL,\"Solar,Wind Energy\"\no-2,Two,NLD,Software\n");
        Files.writeString(r2.resolve("funding_rounds.csv"), rounds);

        Path state = temp.resolve("state");
        RecordingSink sink = new RecordingSink();
        KeyedRuns.run("crunchbase", r1, "R1", state, sink);
        RecordAccounting.Snapshot second = KeyedRuns.run("crunchbase", r2, "R2", state, sink).accounting().snapshot();
        assertEquals(1, second.eventsChanged(), "r-1: its organization has a new category");
        assertEquals(1, second.eventsUnchanged());
        assertEquals(1, second.eventsRetracted());
        Map<String, SpecificRecord> view = RecordingSink.compacted(sink.sent(EventTopics.CRUNCHBASE_ROUNDS.name()));
        assertEquals(List.of("Solar", "Wind Energy"), ((FundingRound) view.get("r-1")).getCategories());
        assertEquals(List.of("r-1", "r-2"), view.keySet().stream().sorted().toList());
    }

    @Test
    void aMissingTableFailsNamingIt() throws Exception {
        Path release = temp.resolve("R1");
        Files.createDirectories(release);
        Files.writeString(release.resolve("organizations.csv"), "uuid,name,country_code,category_list\n");
        UnreadableInputException failure = assertThrows(UnreadableInputException.class,
                () -> KeyedRuns.run("crunchbase", release, "R1", temp.resolve("state"), new RecordingSink()));
        assertTrue(failure.getMessage().startsWith("funding_rounds.csv: missing from"), failure.getMessage());
    }
}
