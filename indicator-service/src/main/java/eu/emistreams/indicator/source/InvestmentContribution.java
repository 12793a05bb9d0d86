package eu.emistreams.indicator.source;

import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.indicator.calculation.DecimalYearSums;
import eu.emistreams.indicator.calculation.InvestmentIndicators;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** What one Crunchbase funding round adds to the investment sums (indicators.md §7). */
public final class InvestmentContribution {

    private InvestmentContribution() {
    }

    /**
     * A PE/VC round with a year counts once in the number of rounds of each code it carries
     * (parents included) and, when it has an amount, adds that amount; it counts in its year and,
     * for 2015–2023, in the total kept under year 0. Any other round counts nowhere (empty).
     */
    public static Optional<SumContribution> of(ClassifiedRound round) {
        Integer year = round.getYear();
        if (!round.getPeVc() || year == null || year <= InvestmentIndicators.TOTAL_YEAR) {
            return Optional.empty();
        }
        SortedSet<Integer> years = new TreeSet<>();
        years.add(year);
        if (year >= InvestmentIndicators.TOTAL_FIRST_YEAR && year <= InvestmentIndicators.TOTAL_LAST_YEAR) {
            years.add(InvestmentIndicators.TOTAL_YEAR);
        }
        String country = CountedCountry.of(round.getCountry());
        Double raised = round.getRaisedAmountUsd();
        BigDecimal amount = raised == null || !Double.isFinite(raised) ? null : new BigDecimal(raised);
        SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        amounts.put(DecimalYearSums.key(DecimalYearSums.ALL_CODES, country, InvestmentIndicators.COUNTED_ROUNDS),
                BigDecimal.ONE);
        for (String code : EmiCodes.withParents(round.getCodes())) {
            amounts.put(DecimalYearSums.key(code, country, InvestmentIndicators.COUNTED_ROUNDS), BigDecimal.ONE);
            if (amount != null) {
                amounts.put(DecimalYearSums.key(code, country, InvestmentIndicators.RAISED_USD), amount);
            }
        }
        return Optional.of(new SumContribution(years, amounts, round.getSourceRelease(),
                round.getConcordanceVersion()));
    }
}
