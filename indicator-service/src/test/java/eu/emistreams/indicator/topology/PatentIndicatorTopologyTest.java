package eu.emistreams.indicator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.indicator.calculation.ExactFraction;
import eu.emistreams.indicator.store.YearChanges;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** Small cases whose expected numbers were worked out by hand from {@code indicators.md} §3. */
class PatentIndicatorTopologyTest extends HarnessTest {

    private static final List<String> EU27 = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
            "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    @Test
    void fractionalWeightsCountsSharesAndRanks() {
        topology.patent(1, 2020, List.of("BE", "BE", "US"), List.of("AGRI"));
        topology.patent(2, 2020, List.of("DE"), List.of("AGRI", "G.REN", "G.REN.SOLAR"));
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();

        // P(BE,AGRI)=2/3, P(US,AGRI)=1/3, P(DE,AGRI)=1, P(W,AGRI)=2.
        assertEquals(2.0 / 3, topology.value("patent.count", "BE", "AGRI", 2020), EXACT);
        assertEquals(1.0 / 3, topology.value("patent.count", "US", "AGRI", 2020), EXACT);
        assertEquals(1.0, topology.value("patent.count", "DE", "AGRI", 2020), EXACT);
        assertEquals(100.0, topology.value("patent.country_share", "BE", "AGRI", 2020), EXACT);
        assertEquals(100.0 / 3, topology.value("patent.world_share", "BE", "AGRI", 2020), 1e-12);
        assertEquals(50.0 / 3, topology.value("patent.world_share", "US", "AGRI", 2020), 1e-12);
        assertEquals(50.0, topology.value("patent.world_share", "DE", "AGRI", 2020), EXACT);
        assertEquals(1.0, topology.value("patent.eu27_rank", "DE", "AGRI", 2020), EXACT);
        assertEquals(2.0, topology.value("patent.eu27_rank", "BE", "AGRI", 2020), EXACT);
        assertEquals(3.0, topology.value("patent.eu27_rank", "SK", "AGRI", 2020), EXACT);
        assertNull(topology.get("patent.eu27_rank", "US", "AGRI", 2020), "non-EU countries get no rank");

        // Only DE is tagged G.REN.SOLAR; BE has applications but none of them solar.
        assertEquals(100.0, topology.value("patent.world_share", "DE", "G.REN.SOLAR", 2020), EXACT);
        assertEquals(100.0, topology.value("patent.country_share", "DE", "G.REN", 2020), EXACT);
        assertEquals(0.0, topology.value("patent.country_share", "BE", "G.REN.SOLAR", 2020), EXACT);
        assertEquals(2.0, topology.value("patent.eu27_rank", "BE", "G.REN.SOLAR", 2020), EXACT);

        // A code nobody carries: zeros for all 32 countries, no rank.
        assertEquals(0.0, topology.value("patent.count", "DE", "TOUR", 2020), EXACT);
        assertEquals(0.0, topology.value("patent.world_share", "US", "TOUR", 2020), EXACT);
        assertNull(topology.get("patent.eu27_rank", "DE", "TOUR", 2020));

        // 32 countries (EU27, the 4 peers, the EU27 economy) x 32 codes x 3 indicators + 27 ranks for
        // AGRI, G.REN and G.REN.SOLAR.
        assertEquals(32 * 32 * 3 + 3 * 27, published.size());
        assertEquals(published.size(), topology.compacted().size(), "each indicator published once");

        IndicatorValue value = topology.get("patent.count", "BE", "AGRI", 2020);
        assertEquals(Map.of("patstat", "R1"), value.getProvenance().getReleases());
        assertEquals("c1", value.getProvenance().getConcordanceVersion());
    }

    @Test
    void theChangesOfACommitTravelAsOneRecordPerYearWithWhatCancelsOutLeftOut() {
        // The test driver commits after every record: each commit carries that record's changes.
        topology.patent(1, 2020, List.of("BE", "BE", "US"), List.of("AGRI"), "R1", "c1");
        assertEquals(List.of(new YearChanges<>(2020, Map.of(
                "*|BE", ExactFraction.of(2, 3), "*|US", ExactFraction.of(1, 3),
                "AGRI|BE", ExactFraction.of(2, 3), "AGRI|US", ExactFraction.of(1, 3)), true, "R1", "c1")),
                topology.patentChanges());

        // Same applicants, another code: the countries' totals cancel out and are not sent.
        topology.patent(1, 2020, List.of("BE", "BE", "US"), List.of("CONS"), "R2", "c1");
        assertEquals(List.of(new YearChanges<>(2020, Map.of(
                "AGRI|BE", ExactFraction.of(-2, 3), "AGRI|US", ExactFraction.of(-1, 3),
                "CONS|BE", ExactFraction.of(2, 3), "CONS|US", ExactFraction.of(1, 3)), true, "R2", "c1")),
                topology.patentChanges());

        // Moved to another year: a retraction from 2020 (no provenance) and an addition to 2021.
        topology.patent(1, 2021, List.of("NL"), List.of(), "R3", "c1");
        assertEquals(List.of(
                new YearChanges<>(2020, Map.of("*|BE", ExactFraction.of(-2, 3), "*|US", ExactFraction.of(-1, 3),
                        "CONS|BE", ExactFraction.of(-2, 3), "CONS|US", ExactFraction.of(-1, 3)), false, null, null),
                new YearChanges<>(2021, Map.of("*|NL", ExactFraction.ONE), true, "R3", "c1")),
                topology.patentChanges());

        // The same contribution again sends nothing.
        topology.patent(1, 2021, List.of("NL"), List.of(), "R3", "c1");
        assertEquals(List.of(), topology.patentChanges());
    }

    @Test
    void everyCommitCarriesTheSumsOfTheRecordsReadSoFarToTheChangelog() {
        // No wall-clock time passes: nothing is published, only the commits move the sums.
        topology.patent(1, 2020, List.of("BE", "BE", "US"), List.of("AGRI"));
        assertEquals(Map.of(
                "2020|*|BE", ExactFraction.of(2, 3), "2020|*|US", ExactFraction.of(1, 3),
                "2020|AGRI|BE", ExactFraction.of(2, 3), "2020|AGRI|US", ExactFraction.of(1, 3)),
                topology.committedPatentSums());

        topology.patent(2, 2020, List.of("BE"), List.of("AGRI"));
        topology.patent(1, 2020, List.of("US"), List.of("AGRI"));
        assertEquals(Map.of(
                "2020|*|BE", ExactFraction.ONE, "2020|*|US", ExactFraction.ONE,
                "2020|AGRI|BE", ExactFraction.ONE, "2020|AGRI|US", ExactFraction.ONE), topology.committedPatentSums());

        // Sums that fall to zero leave the store: tombstones in the changelog.
        topology.retractPatent(1);
        topology.retractPatent(2);
        assertEquals(Map.of(), topology.committedPatentSums());
        assertEquals(List.of(), topology.settle(), "nothing was ever published, so nothing is retracted");
    }

    @Test
    void whileAReleaseIsReadItsYearsWaitForItsEnd() {
        topology.report("patstat", "R1", "RUNNING");
        topology.patent(1, 2020, List.of("BE"), List.of("AGRI"), "R1", "c1");
        assertTrue(topology.settle().isEmpty(), "published while release R1 was being read");
        topology.patent(2, 2020, List.of("NL"), List.of("AGRI"), "R1", "c1");
        assertTrue(topology.advance(Duration.ofSeconds(30)).isEmpty(), "held past the 5 s delay of a steady flow too");

        topology.report("patstat", "R1", "COMPLETED");
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();
        assertEquals(32 * 32 * 3 + 27, published.size(),
                "every value of 2020 once (EU27 countries, peers and EU27, 32 codes, AGRI ranks)");
        assertEquals(50.0, topology.value("patent.world_share", "BE", "AGRI", 2020), EXACT);
    }

    @Test
    void aReportLeftRunningHoldsAYearAtMostTheMaximumHold() {
        topology.report("patstat", "R1", "RUNNING");
        topology.patent(1, 2020, List.of("BE"), List.of("AGRI"), "R1", "c1");
        assertTrue(topology.advance(Duration.ofSeconds(59)).isEmpty());
        assertFalse(topology.advance(Duration.ofSeconds(2)).isEmpty(), "still held after the 60 s maximum hold");
        assertEquals(1.0, topology.value("patent.count", "BE", "AGRI", 2020), EXACT);
    }

    @Test
    void aReleaseOfAnotherSourceHoldsNoPatentYear() {
        topology.report("comtrade", "R1", "RUNNING");
        topology.patent(1, 2020, List.of("BE"), List.of("AGRI"), "R1", "c1");
        assertFalse(topology.settle().isEmpty());
    }

    @Test
    void anApplicationWithoutApplicantsCountsForZz() {
        topology.patent(1, 2021, List.of(), List.of("D.AI"));
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();

        assertEquals(1.0, topology.value("patent.count", "ZZ", "D.AI", 2021), EXACT);
        assertEquals(100.0, topology.value("patent.country_share", "ZZ", "D.AI", 2021), EXACT);
        assertEquals(100.0, topology.value("patent.world_share", "ZZ", "D.AI", 2021), EXACT);
        assertNull(topology.get("patent.eu27_rank", "ZZ", "D.AI", 2021));
        for (String member : EU27) {
            assertEquals(1.0, topology.value("patent.eu27_rank", member, "D.AI", 2021), EXACT,
                    "27 zeros share rank 1: " + member);
        }
        // EU27, the 4 peers, the EU27 economy and ZZ: 33 countries.
        assertEquals(33 * 32 * 3 + 27, published.size());
    }

    @Test
    void anUpsertMovesTheApplicationToItsNewYearCountriesAndCodes() {
        topology.patent(1, 2020, List.of("BE", "BE", "CA"), List.of("AGRI"));
        topology.patent(2, 2020, List.of("DE"), List.of("AGRI"));
        topology.settle();

        topology.patent(1, 2021, List.of("FR"), List.of("TOUR"), "R2", "c1");
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();

        // 2020 keeps only DE's application.
        assertEquals(0.0, topology.value("patent.count", "BE", "AGRI", 2020), EXACT);
        assertEquals(100.0, topology.value("patent.world_share", "DE", "AGRI", 2020), EXACT);
        assertEquals(1.0, topology.value("patent.eu27_rank", "DE", "AGRI", 2020), EXACT);
        assertEquals(2.0, topology.value("patent.eu27_rank", "BE", "AGRI", 2020), EXACT);
        // CA lost its last weight in 2020: its 96 indicators are retracted (a peer would stay, with zeros).
        Set<IndicatorKey> tombstones = published.stream().filter(r -> r.value == null).map(r -> r.key)
                .collect(Collectors.toSet());
        assertEquals(32 * 3, tombstones.size());
        assertTrue(tombstones.stream().allMatch(k -> k.getCountry().equals("CA") && k.getYear() == 2020));
        assertNull(topology.get("patent.count", "CA", "AGRI", 2020));
        assertEquals(0.0, topology.value("patent.count", "US", "AGRI", 2020), EXACT);
        assertEquals(1.0, topology.value("patent.count", "EU27", "AGRI", 2020), EXACT);
        assertEquals(100.0, topology.value("patent.world_share", "EU27", "AGRI", 2020), EXACT);

        // 2021 has FR's application only.
        assertEquals(1.0, topology.value("patent.count", "FR", "TOUR", 2021), EXACT);
        assertEquals(100.0, topology.value("patent.world_share", "FR", "TOUR", 2021), EXACT);
        assertEquals(1.0, topology.value("patent.eu27_rank", "FR", "TOUR", 2021), EXACT);
        assertEquals(2.0, topology.value("patent.eu27_rank", "BE", "TOUR", 2021), EXACT);
        assertNull(topology.get("patent.eu27_rank", "FR", "AGRI", 2021));
        assertEquals(Map.of("patstat", "R2"), topology.get("patent.count", "FR", "TOUR", 2021)
                .getProvenance().getReleases());
    }

    @Test
    void aRetractionRemovesEveryIndicatorOfItsYear() {
        topology.patent(1, 2020, List.of("US"), List.of("AGRI"));
        topology.patent(2, 2019, List.of("BE"), List.of("AGRI"));
        int published2020 = (int) topology.settle().stream().filter(r -> r.key.getYear() == 2020).count();
        assertEquals(32 * 32 * 3 + 27, published2020);

        topology.retractPatent(1);
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();

        assertEquals(published2020, published.size());
        assertTrue(published.stream().allMatch(r -> r.value == null && r.key.getYear() == 2020));
        assertFalse(topology.compacted().keySet().stream().anyMatch(k -> k.getYear() == 2020));
        assertEquals(100.0, topology.value("patent.world_share", "BE", "AGRI", 2019), EXACT);
    }

    @Test
    void theSameRecordTwicePublishesNothingTheSecondTime() {
        topology.patent(1, 2020, List.of("BE", "NL"), List.of("AGRI", "D.AI"));
        assertFalse(topology.settle().isEmpty());

        topology.patent(1, 2020, List.of("BE", "NL"), List.of("AGRI", "D.AI"));
        assertEquals(List.of(), topology.settle());

        // Same counting under another release and concordance: the values do not change.
        topology.patent(1, 2020, List.of("NL", "BE"), List.of("D.AI", "AGRI"), "R2", "c2");
        assertEquals(List.of(), topology.settle());

        // A real change is published with the provenance of the latest record.
        topology.patent(2, 2020, List.of("BE"), List.of("AGRI"), "R2", "c2");
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();
        assertFalse(published.isEmpty());
        assertTrue(published.stream().allMatch(r -> r.value.getProvenance().getConcordanceVersion().equals("c2")));
        assertEquals(1.5, topology.value("patent.count", "BE", "AGRI", 2020), EXACT);
    }

    @Test
    void aRecomputedYearPublishesOnlyTheValuesThatChanged() {
        topology.patent(1, 2020, List.of("BE"), List.of("AGRI"));
        topology.settle();

        topology.patent(2, 2020, List.of("US"), List.of("D.AI"));
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();

        // New: US's D.AI count and shares (a peer, published with zeros before), and the D.AI ranks
        // (27 members tied at 0, rank 1). Every value of BE and of EU27, its other codes and the AGRI
        // ranks are unchanged (BE keeps 100 % of AGRI), so they are not re-sent.
        Set<IndicatorKey> keys = published.stream().map(r -> r.key).collect(Collectors.toSet());
        assertEquals(3 + 27, published.size());
        assertEquals(3, keys.stream().filter(k -> k.getCountry().equals("US")).count());
        assertEquals(27, keys.stream().filter(k -> k.getIndicator().equals("patent.eu27_rank")
                && k.getCode().equals("D.AI")).count());
        assertEquals(1.0, topology.value("patent.eu27_rank", "BE", "D.AI", 2020), EXACT);
    }

    @Test
    void anUnknownPriorityYearCountsInNoYear() {
        topology.patent(1, 9999, List.of("BE"), List.of("AGRI"));
        assertEquals(List.of(), topology.settle());
        // Moving it to a known year counts it, moving it back retracts it.
        topology.patent(1, 2020, List.of("BE"), List.of("AGRI"));
        topology.settle();
        assertEquals(1.0, topology.value("patent.count", "BE", "AGRI", 2020), EXACT);
        topology.patent(1, 9999, List.of("BE"), List.of("AGRI"));
        topology.settle();
        assertTrue(topology.compacted().isEmpty());
    }

    @Test
    void aYearIsPublishedOnceQuietOrAfterTheMaximumDelay() {
        topology.patent(1, 2020, List.of("BE"), List.of("AGRI"));
        assertEquals(List.of(), topology.advance(Duration.ofMillis(300)), "within the quiet period");
        assertFalse(topology.advance(Duration.ofMillis(300)).isEmpty(), "quiet for 600 ms");

        // A change every 300 ms never leaves 500 ms of quiet: the 5 s maximum delay publishes anyway.
        int publications = 0;
        for (int i = 0; i < 20; i++) {
            topology.patent(100 + i, 2021, List.of("DE"), List.of("HEAL"));
            if (!topology.advance(Duration.ofMillis(300)).isEmpty()) {
                publications++;
            }
        }
        assertEquals(1, publications, "6 s of steady changes publish once, at the 5 s maximum delay");
    }

    @Test
    void aRepublishedValueCarriesTheValueItReplaces() {
        topology.patent(1, 2020, List.of("BE"), List.of("AGRI"));
        IndicatorValue first = valueOf(topology.settle(), "patent.count", "BE", "AGRI");
        assertEquals(null, first.getPreviousValue(), "published for the first time");

        // A second application, half BE: BE's count of AGRI goes from 1 to 1.5.
        topology.patent(2, 2020, List.of("BE", "NL"), List.of("AGRI"));
        IndicatorValue second = valueOf(topology.settle(), "patent.count", "BE", "AGRI");
        assertEquals(1.5, second.getValue(), EXACT);
        assertEquals(1.0, second.getPreviousValue(), EXACT);
    }

    @Test
    void aValueChangedOnlyByRemovalsIsAttributedToTheReleaseThatRemovedThem() {
        topology.report("patstat", "R1", "COMPLETED");
        topology.patent(1, 2020, List.of("BE"), List.of("AGRI"), "R1", "c1");
        topology.patent(2, 2020, List.of("NL"), List.of("AGRI"), "R1", "c1");
        topology.settle();
        assertEquals(Map.of("patstat", "R1"), topology.get("patent.world_share", "BE", "AGRI", 2020).getProvenance().getReleases());

        // R2 removes NL's application and adds nothing to 2020: BE's world share goes from 50 % to 100 %.
        topology.report("patstat", "R2", "RUNNING");
        topology.retractPatent(2);
        topology.report("patstat", "R2", "COMPLETED");
        IndicatorValue revised = valueOf(topology.settle(), "patent.world_share", "BE", "AGRI");
        assertEquals(100.0, revised.getValue(), EXACT);
        assertEquals(50.0, revised.getPreviousValue(), EXACT);
        assertEquals(Map.of("patstat", "R2"), revised.getProvenance().getReleases(), "the release that removed it");
        assertEquals("c1", revised.getProvenance().getConcordanceVersion());
    }

    private static IndicatorValue valueOf(List<KeyValue<IndicatorKey, IndicatorValue>> published, String indicator,
            String country, String code) {
        return published.stream()
                .filter(r -> r.key.getIndicator().equals(indicator) && r.key.getCountry().equals(country)
                        && r.key.getCode().equals(code))
                .reduce((a, b) -> b).orElseThrow().value;
    }
}
