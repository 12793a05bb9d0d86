package eu.emistreams.indicator.calculation;

import eu.emistreams.events.codes.EmiCodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/** The production indicators of {@code indicators.md} §6 for one year, computed exactly from its sums. */
public final class ProductionIndicators {

    public static final String VALUE = "production.value";
    public static final String TECH_SHARE = "production.tech_share";
    public static final String EU_SHARE = "production.eu_share";

    /** Measures of the sums: the summed PRODVAL, and the number of observations a reporter sent. */
    public static final String PRODUCTION_VALUE = "value";
    public static final String ROWS = "rows";

    private ProductionIndicators() {
    }

    /**
     * For every reporter with a counted observation in the year and every code of §1: the value
     * (0 where no product carries the code) and the share of the code in the reporter's production;
     * for the EU27 reporters also their share of the production of the reporting EU27. A share of
     * a total of 0 is 0, as for patents. When at least one member reported, {@code EU27} as well:
     * the value and the tech share of the reporting members' summed production (no eu_share, which
     * would be its share of itself).
     */
    public static List<IndicatorPoint> of(DecimalYearSums sums) {
        SortedSet<String> reporters = sums.countriesWith(DecimalYearSums.ALL_CODES, ROWS);
        boolean euReports = reporters.stream().anyMatch(EmiCodes::isEu27);
        ExactFraction euAllProducts = ExactFraction.of(sums.sumOverEu27(DecimalYearSums.ALL_CODES, PRODUCTION_VALUE));
        List<IndicatorPoint> points = new ArrayList<>();
        for (String code : EmiCodes.ALL) {
            BigDecimal euTotal = BigDecimal.ZERO;
            for (String country : reporters) {
                if (EmiCodes.isEu27(country)) {
                    euTotal = euTotal.add(sums.get(code, country, PRODUCTION_VALUE));
                }
            }
            ExactFraction eu = ExactFraction.of(euTotal);
            if (euReports) {
                points.add(new IndicatorPoint(VALUE, EmiCodes.EU27_AGGREGATE, code, eu));
                points.add(new IndicatorPoint(TECH_SHARE, EmiCodes.EU27_AGGREGATE, code, eu.percentOf(euAllProducts)));
            }
            for (String country : reporters) {
                ExactFraction value = ExactFraction.of(sums.get(code, country, PRODUCTION_VALUE));
                ExactFraction allProducts = ExactFraction.of(
                        sums.get(DecimalYearSums.ALL_CODES, country, PRODUCTION_VALUE));
                points.add(new IndicatorPoint(VALUE, country, code, value));
                points.add(new IndicatorPoint(TECH_SHARE, country, code, value.percentOf(allProducts)));
                if (EmiCodes.isEu27(country)) {
                    points.add(new IndicatorPoint(EU_SHARE, country, code, value.percentOf(eu)));
                }
            }
        }
        return points;
    }
}
