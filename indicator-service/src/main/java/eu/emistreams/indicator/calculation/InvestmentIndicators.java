package eu.emistreams.indicator.calculation;

import eu.emistreams.events.codes.EmiCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The investment indicators of {@code indicators.md} §7 for one year, or for the 2015–2023 total
 * kept under year {@link #TOTAL_YEAR}, computed exactly from its sums.
 */
public final class InvestmentIndicators {

    public static final String PE_VC_USD = "investment.pe_vc_usd";
    public static final String ROUNDS = "investment.rounds";

    /** The year under which the total over {@link #TOTAL_FIRST_YEAR}–{@link #TOTAL_LAST_YEAR} is published. */
    public static final int TOTAL_YEAR = 0;
    public static final int TOTAL_FIRST_YEAR = 2015;
    public static final int TOTAL_LAST_YEAR = 2023;

    /** Measures of the sums: the summed amount raised, and the number of counted rounds. */
    public static final String RAISED_USD = "usd";
    public static final String COUNTED_ROUNDS = "rounds";

    private InvestmentIndicators() {
    }

    /**
     * Nothing for a year without counted rounds; otherwise the amount and the number of rounds for
     * every code of §1 and every country of EU27 ∪ peers ∪ {countries with a counted round}, zeros
     * included, and for {@code EU27}, the EU27 as one economy: the members' summed amounts and rounds.
     */
    public static List<IndicatorPoint> of(DecimalYearSums sums) {
        SortedSet<String> investedIn = sums.countriesWith(DecimalYearSums.ALL_CODES, COUNTED_ROUNDS);
        if (investedIn.isEmpty()) {
            return List.of();
        }
        SortedSet<String> countries = new TreeSet<>(EmiCodes.EU27);
        countries.addAll(EmiCodes.PEERS);
        countries.addAll(investedIn);
        List<IndicatorPoint> points = new ArrayList<>();
        for (String code : EmiCodes.ALL) {
            points.add(new IndicatorPoint(PE_VC_USD, EmiCodes.EU27_AGGREGATE, code,
                    ExactFraction.of(sums.sumOverEu27(code, RAISED_USD))));
            points.add(new IndicatorPoint(ROUNDS, EmiCodes.EU27_AGGREGATE, code,
                    ExactFraction.of(sums.sumOverEu27(code, COUNTED_ROUNDS))));
            for (String country : countries) {
                points.add(new IndicatorPoint(PE_VC_USD, country, code,
                        ExactFraction.of(sums.get(code, country, RAISED_USD))));
                points.add(new IndicatorPoint(ROUNDS, country, code,
                        ExactFraction.of(sums.get(code, country, COUNTED_ROUNDS))));
            }
        }
        return points;
    }
}
