package eu.emistreams.indicator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.emistreams.indicator.calculation.ExactFraction;
import eu.emistreams.indicator.lane.LaneContributions;
import eu.emistreams.indicator.source.PatentContribution;
import eu.emistreams.indicator.source.SumContribution;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class InternalSerdesTest {

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    private static PatentContribution contribution(int year, String release) {
        return new PatentContribution(year, 3, new TreeMap<>(Map.of("BE", 2, "US", 1)),
                new TreeSet<>(Set.of("AGRI", "G.REN", "G.REN.SOLAR")), release, "c1");
    }

    @Test
    void fractionsOfAnySizeSurvive() {
        ExactFraction huge = new ExactFraction(BigInteger.TEN.pow(40).add(BigInteger.ONE).negate(),
                BigInteger.valueOf(3).pow(30));
        assertEquals(huge, roundTrip(InternalSerdes.fraction(), huge));
        assertEquals(ExactFraction.ZERO, roundTrip(InternalSerdes.fraction(), ExactFraction.ZERO));
    }

    @Test
    void sumChangesWithAndWithoutProvenanceSurvive() {
        YearChanges<ExactFraction> added = new YearChanges<>(2020, Map.of("*|BE", ExactFraction.of(2, 3),
                "AERO|BE", ExactFraction.of(-1, 3)), true, "R1", "c1");
        YearChanges<ExactFraction> retracted = new YearChanges<>(2021, Map.of("*|ZZ", ExactFraction.of(-1)), false,
                null, null);
        assertEquals(added, roundTrip(InternalSerdes.fractionChanges(), added));
        assertEquals(retracted, roundTrip(InternalSerdes.fractionChanges(), retracted));
    }

    @Test
    void statusesAndNullsSurvive() {
        YearStatus status = new YearStatus("R1", null, YearStatus.CLEAN, 1234L);
        assertEquals(status, roundTrip(InternalSerdes.yearStatus(), status));
        assertNull(roundTrip(InternalSerdes.patentContribution(), null));
    }

    @Test
    void contributionEntriesSurviveAndAnEntryNotPendingKeepsTheFormatOfABareContribution() {
        Serde<ContributionEntry<PatentContribution>> entries = InternalSerdes.contributionEntry(InternalSerdes.PATENT_CONTRIBUTION);
        ContributionEntry<PatentContribution> plain = ContributionEntry.forwardedAsRead(contribution(2020, "R1"));
        // State written before entries could be pending reads as an entry that is not.
        byte[] bare = InternalSerdes.patentContribution().serializer().serialize("t", contribution(2020, "R1"));
        assertEquals(plain, entries.deserializer().deserialize("t", bare));
        org.junit.jupiter.api.Assertions.assertArrayEquals(bare, entries.serializer().serialize("t", plain));

        ContributionEntry<PatentContribution> changed = new ContributionEntry<>(contribution(2021, "R2"), 7, contribution(2020, "R1"));
        ContributionEntry<PatentContribution> added = new ContributionEntry<>(contribution(2021, "R2"), 7, null);
        ContributionEntry<PatentContribution> retracted = new ContributionEntry<>(null, 8, contribution(2020, "R1"));
        assertEquals(changed, roundTrip(entries, changed));
        assertEquals(added, roundTrip(entries, added));
        assertEquals(retracted, roundTrip(entries, retracted));
    }

    @Test
    void laneEntriesWithoutVariantsKeepTheFormatOfTheirContributionAndWithVariantsSurvive() {
        Serde<ContributionEntry<PatentContribution>> entries = InternalSerdes.contributionEntry(InternalSerdes.PATENT_CONTRIBUTION);
        Serde<ContributionEntry<LaneContributions<PatentContribution, ExactFraction>>> lanes =
                InternalSerdes.laneContributionEntry(InternalSerdes.PATENT_CONTRIBUTION);
        // State written before variants existed reads back as entries of the lane in force alone, byte for byte.
        ContributionEntry<PatentContribution> pending = new ContributionEntry<>(contribution(2021, "R2"), 7, contribution(2020, "R1"));
        byte[] written = entries.serializer().serialize("t", pending);
        ContributionEntry<LaneContributions<PatentContribution, ExactFraction>> read = lanes.deserializer().deserialize("t", written);
        assertEquals(new ContributionEntry<>(LaneContributions.inForceOnly(contribution(2021, "R2")), 7,
                LaneContributions.inForceOnly(contribution(2020, "R1"))), read);
        org.junit.jupiter.api.Assertions.assertArrayEquals(written, lanes.serializer().serialize("t", read));

        LaneContributions<PatentContribution, ExactFraction> withVariants = new LaneContributions<>(contribution(2021, "R2"),
                new TreeMap<>(Map.of("strict", contribution(2021, "R2"), "wide", contribution(2021, "R3"))));
        for (ContributionEntry<LaneContributions<PatentContribution, ExactFraction>> entry : List.of(
                ContributionEntry.forwardedAsRead(withVariants),
                new ContributionEntry<>(withVariants, 3, LaneContributions.inForceOnly(contribution(2020, "R1"))),
                new ContributionEntry<LaneContributions<PatentContribution, ExactFraction>>(null, 4, withVariants))) {
            assertEquals(entry, roundTrip(lanes, entry));
        }
    }

    @Test
    void anUnknownFormatIsRefused() {
        byte[] bytes = InternalSerdes.patentContribution().serializer().serialize("t", contribution(2020, "R1"));
        bytes[0] = 9;
        assertThrows(SerializationException.class,
                () -> InternalSerdes.patentContribution().deserializer().deserialize("t", bytes));
    }

    @Test
    void decimalsContributionsAndSumDeltasSurvive() {
        BigDecimal exact = new BigDecimal(0.1).add(new BigDecimal("-123456789012345678901234567890.5"));
        assertEquals(exact, roundTrip(InternalSerdes.decimal(), exact));
        assertEquals(new BigDecimal("1E+12"), roundTrip(InternalSerdes.decimal(), new BigDecimal("1E+12")));

        SumContribution contribution = new SumContribution(new TreeSet<>(Set.of(0, 2019)),
                new TreeMap<>(Map.of("*|BE|rounds", BigDecimal.ONE, "D.AI|BE|usd", new BigDecimal(2.5e6))), "R1", null);
        assertEquals(contribution, roundTrip(InternalSerdes.sumContribution(), contribution));

        YearChanges<BigDecimal> counts = new YearChanges<>(2019, new TreeMap<>(Map.of("D.AI|BE|usd", exact)), true,
                "R1", "c1");
        YearChanges<BigDecimal> leaves = new YearChanges<>(0, new TreeMap<>(), false, null, null);
        assertEquals(counts, roundTrip(InternalSerdes.decimalChanges(), counts));
        assertEquals(leaves, roundTrip(InternalSerdes.decimalChanges(), leaves));
    }
}
