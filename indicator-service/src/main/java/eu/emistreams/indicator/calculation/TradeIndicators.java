package eu.emistreams.indicator.calculation;

import eu.emistreams.events.codes.EmiCodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/** The trade indicators of {@code indicators.md} §5 for one year, computed exactly from its sums. */
public final class TradeIndicators {

    public static final String EXPORTS = "trade.exports";
    public static final String IMPORTS = "trade.imports";
    public static final String BALANCE = "trade.balance";
    public static final String EU27_RANK = "trade.eu27_rank";

    /** Measures of the sums: the value of exports and imports, and the number of rows a reporter sent. */
    public static final String EXPORTED = "X";
    public static final String IMPORTED = "M";
    public static final String ROWS = "rows";

    private static final ExactFraction HUNDRED = ExactFraction.of(100);

    private TradeIndicators() {
    }

    /**
     * For every reporter with a counted row in the year and every code of §1: exports and imports
     * (0 where no row carries the code), the balance where exports + imports is not 0, and the
     * rank of the balance among the EU27 members that have one. When at least one member reported,
     * {@code EU27} as well: the sums of the reporting members' exports and imports (intra-EU flows
     * included, as each member reports them) and the balance of those sums; it has no rank.
     */
    public static List<IndicatorPoint> of(DecimalYearSums sums) {
        SortedSet<String> reporters = sums.countriesWith(DecimalYearSums.ALL_CODES, ROWS);
        boolean euReports = reporters.stream().anyMatch(EmiCodes::isEu27);
        List<IndicatorPoint> points = new ArrayList<>();
        for (String code : EmiCodes.ALL) {
            Map<String, BigDecimal> euBalances = new TreeMap<>();
            if (euReports) {
                addFlows(points, EmiCodes.EU27_AGGREGATE, code, sums.sumOverEu27(code, EXPORTED),
                        sums.sumOverEu27(code, IMPORTED));
            }
            for (String country : reporters) {
                BigDecimal exports = sums.get(code, country, EXPORTED);
                BigDecimal imports = sums.get(code, country, IMPORTED);
                points.add(new IndicatorPoint(EXPORTS, country, code, ExactFraction.of(exports)));
                points.add(new IndicatorPoint(IMPORTS, country, code, ExactFraction.of(imports)));
                BigDecimal total = exports.add(imports);
                if (total.signum() == 0) {
                    continue;
                }
                ExactFraction balance = ExactFraction.of(exports.subtract(imports)).times(HUNDRED)
                        .dividedBy(ExactFraction.of(total));
                points.add(new IndicatorPoint(BALANCE, country, code, balance));
                if (EmiCodes.isEu27(country)) {
                    euBalances.put(country, balance.rounded());
                }
            }
            CompetitionRanking.rank(euBalances).forEach((country, rank) ->
                    points.add(new IndicatorPoint(EU27_RANK, country, code, ExactFraction.of(rank))));
        }
        return points;
    }

    /** Exports, imports and, where they do not add up to 0, the balance of one country and code. */
    private static void addFlows(List<IndicatorPoint> points, String country, String code, BigDecimal exports,
            BigDecimal imports) {
        points.add(new IndicatorPoint(EXPORTS, country, code, ExactFraction.of(exports)));
        points.add(new IndicatorPoint(IMPORTS, country, code, ExactFraction.of(imports)));
        BigDecimal total = exports.add(imports);
        if (total.signum() != 0) {
            points.add(new IndicatorPoint(BALANCE, country, code, ExactFraction.of(exports.subtract(imports))
                    .times(HUNDRED).dividedBy(ExactFraction.of(total))));
        }
    }
}
