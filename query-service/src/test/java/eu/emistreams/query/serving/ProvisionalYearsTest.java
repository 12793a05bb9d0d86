package eu.emistreams.query.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provisional-years rule of issue 15, and the flag it puts on patent rows. */
class ProvisionalYearsTest {

    private static IndicatorRow count(String country, int year, double value) {
        return new IndicatorRow("patent.count", country, "AGRI", year, value);
    }

    @Test
    void theLatestYearWithACountedApplicationAndTheOneBeforeAreProvisionalByDefault() {
        assertEquals(Set.of(2021, 2022), ProvisionalYears.of(OptionalInt.of(2022), 2));
    }

    @Test
    void theNumberOfProvisionalYearsIsConfigurable() {
        assertEquals(Set.of(2020, 2021, 2022), ProvisionalYears.of(OptionalInt.of(2022), 3));
        assertEquals(Set.of(2022), ProvisionalYears.of(OptionalInt.of(2022), 1));
    }

    @Test
    void zeroTurnsTheRuleOffAndNoDataMeansNoProvisionalYear() {
        assertTrue(ProvisionalYears.of(OptionalInt.of(2022), 0).isEmpty());
        assertTrue(ProvisionalYears.of(OptionalInt.empty(), 2).isEmpty());
    }

    @Test
    void theLatestYearIsThatOfAPositiveCountOfAnyCountryNotTotalsNorOtherIndicators() {
        List<IndicatorRow> rows = List.of(
                count("BE", 2019, 3.5),
                count("ZZ", 2021, 0.25),
                // A year whose counts are all 0 (its applications retracted) has no counted application.
                count("DE", 2022, 0),
                new IndicatorRow("patent.world_share", "BE", "AGRI", 2023, 0),
                new IndicatorRow("trade.exports", "BE", "AGRI", 2024, 10),
                count("BE", 0, 99));
        assertEquals(OptionalInt.of(2021), ProvisionalYears.latestCountedYear(rows));
        assertEquals(OptionalInt.empty(), ProvisionalYears.latestCountedYear(List.of(count("BE", 2020, 0))));
    }

    @Test
    void everyPatentRowCarriesTheFlagAndOtherFamiliesDoNot() throws Exception {
        Set<Integer> provisional = Set.of(2021, 2022);
        IndicatorRow recent = new IndicatorRow("patent.world_share", "BE", "AGRI", 2022, 1.5).flagged(provisional);
        IndicatorRow older = new IndicatorRow("patent.eu27_rank", "BE", "AGRI", 2020, 6).flagged(provisional);
        IndicatorRow trade = new IndicatorRow("trade.balance", "BE", "AGRI", 2022, 12).flagged(provisional);
        assertEquals(Boolean.TRUE, recent.provisional());
        assertEquals(Boolean.FALSE, older.provisional());
        assertNull(trade.provisional());
        assertEquals(Boolean.FALSE, recent.flagged(Set.of()).provisional(), "off: every patent value is false");

        ObjectMapper json = new ObjectMapper();
        JsonNode patent = json.readTree(json.writeValueAsString(recent));
        assertTrue(patent.get("provisional").asBoolean());
        assertEquals(2022, patent.get("year").asInt());
        JsonNode other = json.readTree(json.writeValueAsString(trade));
        assertFalse(other.has("provisional"));
        assertEquals(trade, json.readValue(json.writeValueAsString(trade), IndicatorRow.class), "the row reads back");
        assertEquals(recent, json.readValue(json.writeValueAsString(recent), IndicatorRow.class));
    }
}
