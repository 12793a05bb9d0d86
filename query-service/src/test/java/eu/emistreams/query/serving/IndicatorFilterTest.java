package eu.emistreams.query.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.events.indicator.IndicatorKey;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndicatorFilterTest {

    private static IndicatorFilter parse(List<String> indicators, List<String> countries, List<String> codes,
            List<String> years) {
        return IndicatorFilter.parse(indicators, countries, codes, years);
    }

    @Test
    void absentAndBlankParametersFilterNothing() {
        IndicatorFilter filter = parse(null, List.of(""), Arrays.asList(" ", null), List.of());
        assertEquals(IndicatorFilter.all(), filter);
        assertTrue(filter.matches(new IndicatorKey("anything", "XX", "Y", 1)));
    }

    @Test
    void normalisesCaseAndWhitespace() {
        IndicatorFilter filter = parse(List.of(" Patent.World_Share "), List.of("be", " Gr"), List.of("d.ai", "agri"),
                List.of("2020", " 0 "));
        assertEquals(Set.of("patent.world_share"), filter.indicators());
        assertEquals(Set.of("BE", "GR"), filter.countries());
        assertEquals(Set.of("D.AI", "AGRI"), filter.codes());
        assertEquals(Set.of(0, 2020), filter.years());
    }

    @ParameterizedTest
    @ValueSource(strings = {"20x0", "2020.0", "-1", "10000", "+2020", "twenty"})
    void aYearThatIsNotAWholeNumberFrom0To9999IsMalformed(String year) {
        MalformedParameterException e = assertThrows(MalformedParameterException.class,
                () -> parse(null, null, null, List.of(year)));
        assertEquals("year", e.parameter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"B", "BEL", "B1", "1", "B E", "é1"})
    void aCountryThatIsNotTwoLettersIsMalformed(String country) {
        MalformedParameterException e = assertThrows(MalformedParameterException.class,
                () -> parse(null, List.of(country), null, null));
        assertEquals("country", e.parameter());
    }

    @Test
    void aWellFormedCountryOutsideIso3166IsUnknown() {
        UnknownValueException e = assertThrows(UnknownValueException.class, () -> parse(null, List.of("XX"), null, null));
        assertEquals("country", e.kind());
        assertEquals("XX", e.value());
        assertTrue(e.getMessage().startsWith("XX is not"), e.getMessage());
    }

    @Test
    void eurostatsGreeceIsUnknownWithAHint() {
        UnknownValueException e = assertThrows(UnknownValueException.class, () -> parse(null, List.of("el"), null, null));
        assertTrue(e.getMessage().contains("use GR"), e.getMessage());
    }

    @Test
    void unknownCountryAndTheUnknownCountryCode() {
        assertEquals(Set.of("ZZ", "GR", "BE"), parse(null, List.of("ZZ", "GR", "BE"), null, null).countries());
    }

    @Test
    void theEu27EconomyAndThePeersAreCountries() {
        assertEquals(Set.of("EU27", "US", "CN", "JP", "KR"),
                parse(null, List.of("eu27", "US", "cn", "JP", "kr"), null, null).countries());
        assertEquals("country", assertThrows(MalformedParameterException.class,
                () -> parse(null, List.of("EU28"), null, null)).parameter());
    }

    @Test
    void anIndicatorOrCodeOutsideTheContractIsUnknown() {
        assertEquals("indicator", assertThrows(UnknownValueException.class,
                () -> parse(List.of("patent.world_shares"), null, null, null)).kind());
        assertEquals("code", assertThrows(UnknownValueException.class,
                () -> parse(null, null, List.of("G.REN.NUCLEAR"), null)).kind());
    }

    @Test
    void everyIndicatorAndCodeOfTheContractIsKnown() {
        IndicatorFilter filter = parse(List.copyOf(IndicatorCatalog.INDICATORS), null,
                List.of("AERO", "TOUR", "G.REN.OTHER", "D.MNP.PHO", "D.AMR.ROB"), null);
        assertEquals(13, filter.indicators().size());
        assertEquals(32L, EmiCodes.ALL.stream().filter(IndicatorCatalog::isCode).count());
    }

    @Test
    void aMalformedValueIsReportedBeforeAnUnknownOne() {
        assertThrows(MalformedParameterException.class,
                () -> parse(List.of("no.such"), List.of("XX"), List.of("NOPE"), List.of("x")));
    }

    @Test
    void matchesEveryDimensionIndependently() {
        IndicatorFilter filter = parse(List.of("patent.count"), List.of("BE", "FR"), null, List.of("2020"));
        assertTrue(filter.matches(new IndicatorKey("patent.count", "FR", "AGRI", 2020)));
        assertFalse(filter.matches(new IndicatorKey("patent.count", "DE", "AGRI", 2020)));
        assertFalse(filter.matches(new IndicatorKey("patent.world_share", "BE", "AGRI", 2020)));
        assertFalse(filter.matches(new IndicatorKey("patent.count", "BE", "AGRI", 2021)));
    }

    @Test
    void aFullyPinnedFilterIsAPointLookupUpToABound() {
        IndicatorFilter pinned = parse(List.of("patent.count", "patent.world_share"), List.of("BE"), List.of("AGRI"),
                List.of("2019", "2020"));
        assertTrue(pinned.isPointLookup());
        assertEquals(4, pinned.pointKeys().size());
        assertFalse(parse(List.of("patent.count"), List.of("BE"), List.of("AGRI"), null).isPointLookup());

        List<String> manyYears = java.util.stream.IntStream.range(1000, 2100).mapToObj(String::valueOf).toList();
        assertFalse(parse(List.of("patent.count"), List.of("BE"), List.of("AGRI"), manyYears).isPointLookup());
    }

    @Test
    void scanPrefixesUseIndicatorThenCountry() {
        assertEquals(List.of(), parse(null, null, List.of("AGRI"), null).scanPrefixes());
        // A country without an indicator: one prefix per known indicator, not a scan of the whole store.
        List<List<String>> countryOnly = parse(null, List.of("BE"), null, null).scanPrefixes();
        assertEquals(13, countryOnly.size());
        assertEquals(List.of("investment.pe_vc_usd", "BE"), countryOnly.get(0));
        assertEquals(List.of("trade.imports", "BE"), countryOnly.get(12));
        assertEquals(List.of(List.of("patent.count")), parse(List.of("patent.count"), null, null, null).scanPrefixes());
        assertEquals(List.of(List.of("patent.count", "BE"), List.of("patent.count", "FR")),
                parse(List.of("patent.count"), List.of("FR", "BE"), null, null).scanPrefixes());
    }
}
