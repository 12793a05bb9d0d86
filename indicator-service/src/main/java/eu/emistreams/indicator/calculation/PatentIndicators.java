package eu.emistreams.indicator.calculation;

import eu.emistreams.events.codes.EmiCodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** The patent indicators of {@code indicators.md} §3 for one year, computed exactly from its sums. */
public final class PatentIndicators {

    public static final String COUNT = "patent.count";
    public static final String COUNTRY_SHARE = "patent.country_share";
    public static final String WORLD_SHARE = "patent.world_share";
    public static final String EU27_RANK = "patent.eu27_rank";

    private PatentIndicators() {
    }

    /**
     * Every indicator the year publishes: nothing for a year without applications; otherwise
     * count and shares for every code of §1 and every country of EU27 ∪ {c : P(c, *, y) > 0}, and
     * the EU27 rank for every code some application carries. The peers ({@link EmiCodes#PEERS})
     * are always among the countries, zeros included, as the members are; and {@code EU27}, the
     * EU27 as one economy, gets count and shares from the members' summed weights (no rank).
     */
    public static List<IndicatorPoint> of(YearSums sums) {
        if (sums.applications().signum() <= 0) {
            return List.of();
        }
        Map<String, ExactFraction> allCodes = sums.ofCode(YearSums.ALL_CODES);
        SortedSet<String> countries = new TreeSet<>(EmiCodes.EU27);
        countries.addAll(EmiCodes.PEERS);
        allCodes.forEach((country, weight) -> {
            if (!YearSums.WORLD.equals(country) && weight.signum() > 0) {
                countries.add(country);
            }
        });

        ExactFraction euAllCodes = euSum(sums, YearSums.ALL_CODES);
        List<IndicatorPoint> points = new ArrayList<>();
        for (String code : EmiCodes.ALL) {
            ExactFraction world = sums.get(code, YearSums.WORLD);
            Map<String, BigDecimal> euWorldShares = new HashMap<>();
            for (String country : countries) {
                ExactFraction count = sums.get(code, country);
                ExactFraction worldShare = count.percentOf(world);
                points.add(new IndicatorPoint(COUNT, country, code, count));
                points.add(new IndicatorPoint(COUNTRY_SHARE, country, code,
                        count.percentOf(sums.get(YearSums.ALL_CODES, country))));
                points.add(new IndicatorPoint(WORLD_SHARE, country, code, worldShare));
                if (EmiCodes.EU27.contains(country)) {
                    euWorldShares.put(country, worldShare.rounded());
                }
            }
            ExactFraction euCount = euSum(sums, code);
            points.add(new IndicatorPoint(COUNT, EmiCodes.EU27_AGGREGATE, code, euCount));
            points.add(new IndicatorPoint(COUNTRY_SHARE, EmiCodes.EU27_AGGREGATE, code, euCount.percentOf(euAllCodes)));
            points.add(new IndicatorPoint(WORLD_SHARE, EmiCodes.EU27_AGGREGATE, code, euCount.percentOf(world)));
            if (world.signum() > 0) {
                CompetitionRanking.rank(euWorldShares).forEach((country, rank) ->
                        points.add(new IndicatorPoint(EU27_RANK, country, code, ExactFraction.of(rank))));
            }
        }
        return points;
    }

    /** P(EU27, k, y): the summed weight of the 27 members' applicants, exactly. */
    private static ExactFraction euSum(YearSums sums, String code) {
        ExactFraction sum = ExactFraction.ZERO;
        for (String member : EmiCodes.EU27) {
            sum = sum.plus(sums.get(code, member));
        }
        return sum;
    }
}
