package eu.emistreams.query.factsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.query.serving.IndicatorRow;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SensitivityTest {

    private static IndicatorRow row(String indicator, String code, int year, double value) {
        return new IndicatorRow(indicator, "BE", code, year, value);
    }

    @Test
    void sharesAndRanksUnderBothRuleSetsWithTheChangeForTheLatestYear() {
        List<IndicatorRow> inForce = List.of(
                row(Sensitivity.COUNTRY_SHARE, "AGRI", 2020, 12.345), row(Sensitivity.WORLD_SHARE, "AGRI", 2020, 1.5),
                row(Sensitivity.RANK, "AGRI", 2020, 6), row(Sensitivity.COUNTRY_SHARE, "AGRI", 2019, 99),
                row(Sensitivity.COUNTRY_SHARE, "D.AI", 2020, 4.0), row(Sensitivity.RANK, "D.AI", 2020, 3));
        List<IndicatorRow> underVariant = List.of(
                row(Sensitivity.COUNTRY_SHARE, "AGRI", 2020, 10.0), row(Sensitivity.WORLD_SHARE, "AGRI", 2020, 2.25),
                row(Sensitivity.RANK, "AGRI", 2020, 4), row(Sensitivity.COUNTRY_SHARE, "D.AI", 2020, 4.0),
                row(Sensitivity.RANK, "D.AI", 2020, 3));

        Sensitivity.SensitivityView view = Sensitivity.of("BE", "strict", "abc123", OptionalInt.empty(), inForce, underVariant,
                new TreeSet<>(Set.of(2019, 2020)));
        assertEquals(2020, view.year());
        assertTrue(view.provisional());
        assertEquals("2019 and 2020", view.provisionalYearsText());
        assertEquals(2018, view.latestCompleteYear());
        assertEquals("Belgium", view.countryName());
        assertEquals(EmiCodes.ECOSYSTEMS.size(), view.ecosystems().size());
        assertEquals(EmiCodes.TECHNOLOGIES.size(), view.technologies().size());
        Sensitivity.CodeRow agri = view.ecosystems().stream().filter(r -> r.code().equals("AGRI")).findFirst().orElseThrow();
        assertEquals(List.of("12.35", "10.00", "-2.35", "1.50", "2.25", "+0.75", "6", "4", "-2"),
                List.of(agri.countryShareInForce(), agri.countryShareVariant(), agri.countryShareChange(),
                        agri.worldShareInForce(), agri.worldShareVariant(), agri.worldShareChange(),
                        agri.rankInForce(), agri.rankVariant(), agri.rankChange()));
        Sensitivity.CodeRow ai = view.technologies().stream().filter(r -> r.code().equals("D.AI")).findFirst().orElseThrow();
        assertEquals(List.of("+0.00", "0", "n/a"), List.of(ai.countryShareChange(), ai.rankChange(), ai.worldShareChange()));
        Sensitivity.CodeRow tour = view.ecosystems().stream().filter(r -> r.code().equals("TOUR")).findFirst().orElseThrow();
        assertEquals("n/a", tour.countryShareInForce());
    }

    @Test
    void aRequestedYearAndNoDataAtAll() {
        List<IndicatorRow> inForce = List.of(row(Sensitivity.COUNTRY_SHARE, "AGRI", 2019, 1.0),
                row(Sensitivity.COUNTRY_SHARE, "AGRI", 2020, 2.0));
        Sensitivity.SensitivityView in2019 = Sensitivity.of("BE", "strict", "v", OptionalInt.of(2019), inForce, List.of(),
                new TreeSet<>(Set.of(2020)));
        assertEquals("1.00", in2019.ecosystems().get(EmiCodes.ECOSYSTEMS.indexOf("AGRI")).countryShareInForce());
        assertEquals("n/a", in2019.ecosystems().get(EmiCodes.ECOSYSTEMS.indexOf("AGRI")).countryShareVariant());
        assertFalse(in2019.provisional(), "2019 is before the provisional year 2020");

        Sensitivity.SensitivityView empty = Sensitivity.of("BE", "strict", "v", OptionalInt.empty(), List.of(), List.of(), new TreeSet<>());
        assertFalse(empty.hasData());
        assertTrue(empty.message().startsWith("No patent data"));
    }
}
