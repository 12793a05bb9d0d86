package eu.emistreams.events.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountriesTest {

    /**
     * Every member state in every scheme, written out by hand so the test does not derive its
     * expectations from the table it checks: alpha-2, alpha-3, M49 as Comtrade reports it, Eurostat.
     */
    private static final String[][] EU27 = {
        {"AT", "AUT", "40", "AT"}, {"BE", "BEL", "56", "BE"}, {"BG", "BGR", "100", "BG"}, {"CY", "CYP", "196", "CY"},
        {"CZ", "CZE", "203", "CZ"}, {"DE", "DEU", "276", "DE"}, {"DK", "DNK", "208", "DK"}, {"EE", "EST", "233", "EE"},
        {"ES", "ESP", "724", "ES"}, {"FI", "FIN", "246", "FI"}, {"FR", "FRA", "251", "FR"}, {"GR", "GRC", "300", "EL"},
        {"HR", "HRV", "191", "HR"}, {"HU", "HUN", "348", "HU"}, {"IE", "IRL", "372", "IE"}, {"IT", "ITA", "380", "IT"},
        {"LT", "LTU", "440", "LT"}, {"LU", "LUX", "442", "LU"}, {"LV", "LVA", "428", "LV"}, {"MT", "MLT", "470", "MT"},
        {"NL", "NLD", "528", "NL"}, {"PL", "POL", "616", "PL"}, {"PT", "PRT", "620", "PT"}, {"RO", "ROU", "642", "RO"},
        {"SE", "SWE", "752", "SE"}, {"SI", "SVN", "705", "SI"}, {"SK", "SVK", "703", "SK"},
    };

    @Test
    void everyMemberStateMapsFromEveryScheme() {
        Set<String> members = new TreeSet<>();
        for (String[] member : EU27) {
            String alpha2 = member[0];
            members.add(alpha2);
            assertTrue(Countries.isIsoAlpha2(alpha2), alpha2);
            assertEquals(Optional.of(alpha2), Countries.fromAlpha3(member[1]), member[1]);
            assertEquals(Optional.of(alpha2), Countries.fromM49(Integer.parseInt(member[2])), member[2]);
            assertEquals(Optional.of(alpha2), Countries.fromEurostat(member[3]), member[3]);
            assertEquals(Optional.of(alpha2), Countries.fromEurostat(alpha2), "the ISO code is a Eurostat code too");
            assertEquals(Optional.of(member[1]), Countries.alpha3Of(alpha2));
        }
        assertEquals(members, new TreeSet<>(Countries.EU27));
        assertEquals(27, Countries.EU27.size());
    }

    @ParameterizedTest
    @CsvSource({"251, FR", "250, FR", "842, US", "840, US", "757, CH", "756, CH", "699, IN", "356, IN", "579, NO",
        "578, NO", "826, GB", "156, CN", "392, JP"})
    void comtradeReporterCodesIncludeItsOwnCustomsAreas(int m49, String alpha2) {
        assertEquals(Optional.of(alpha2), Countries.fromM49(m49));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 97, 490, 899, 999, 1000, 58})
    void worldRegionsGroupingsAndJunkAreNoCountry(int m49) {
        // 0 World, 97 EU, 490 "Other Asia, nes", 899 "Areas, nes", 58 Belgium-Luxembourg (to 1998).
        assertEquals(Optional.empty(), Countries.fromM49(m49));
    }

    @ParameterizedTest
    @CsvSource({"EL, GR", "GR, GR", "UK, GB", "GB, GB", "be, BE", "' DE ', DE"})
    void eurostatGreeceAndUnitedKingdomAreIsoInside(String geo, String alpha2) {
        assertEquals(Optional.of(alpha2), Countries.fromEurostat(geo));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EU27_2020", "EU28", "EU", "EA", "EA19", "EA20", "EEA30_2007", "EFTA", "eu27_2020"})
    void eurostatAggregatesAreNoCountry(String geo) {
        assertEquals(Optional.empty(), Countries.fromEurostat(geo));
        assertTrue(Countries.isEurostatAggregate(geo), geo);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BE", "EE", "ES", "EL", "XK", "ZZ"})
    void countriesAndUnknownCodesAreNoAggregate(String geo) {
        assertFalse(Countries.isEurostatAggregate(geo), geo);
    }

    @ParameterizedTest
    @CsvSource({"BEL, BE", "bel, BE", "'GRC ', GR", "GBR, GB", "USA, US", "CHN, CN", "ROM, RO", "ROU, RO"})
    void alpha3MapsTrimmedInAnyCase(String alpha3, String alpha2) {
        assertEquals(Optional.of(alpha2), Countries.fromAlpha3(alpha3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "W00", "S19", "EUR", "XKX", "BE", "BELG", "--", "..", "NA", "123"})
    void junkAlpha3IsNoCountry(String alpha3) {
        assertEquals(Optional.empty(), Countries.fromAlpha3(alpha3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "EL", "UK", "ZZ", "be", " BE", "XK", "EU", "BEL", "75", "--"})
    void onlyAssignedUpperCaseAlpha2IsIso(String code) {
        assertFalse(Countries.isIsoAlpha2(code), code);
    }

    @Test
    void nullsAreNoCountry() {
        assertFalse(Countries.isIsoAlpha2(null));
        assertEquals(Optional.empty(), Countries.fromAlpha3(null));
        assertEquals(Optional.empty(), Countries.fromEurostat(null));
        assertFalse(Countries.isEurostatAggregate(null));
        assertEquals(Optional.empty(), Countries.alpha3Of(null));
    }

    @Test
    void theTableAgreesWithTheJdkOnEveryAlpha2AndAlpha3() {
        Set<String> jdk = Set.of(Locale.getISOCountries());
        assertEquals(new TreeSet<>(jdk), new TreeSet<>(Countries.alpha2Codes()));
        for (String alpha2 : jdk) {
            String alpha3 = new Locale("", alpha2).getISO3Country();
            assertEquals(Optional.of(alpha2), Countries.fromAlpha3(alpha3), alpha3);
            assertEquals(Optional.of(alpha3), Countries.alpha3Of(alpha2));
            assertTrue(Countries.m49Of(alpha2).isPresent(), alpha2);
            assertEquals(Optional.of(alpha2), Countries.fromM49(Countries.m49Of(alpha2).getAsInt()), alpha2);
        }
    }

    @Test
    void standardNumericCodesOfSomeCountries() {
        Map<String, Integer> expected = Map.of("BE", 56, "FR", 250, "US", 840, "CH", 756, "IN", 356, "NO", 578,
                "GR", 300, "GB", 826, "DE", 276, "TW", 158);
        expected.forEach((alpha2, m49) -> assertEquals(m49, Countries.m49Of(alpha2).getAsInt(), alpha2));
    }
}
