package eu.emistreams.indicator.source;

import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.indicator.calculation.DecimalYearSums;
import eu.emistreams.indicator.calculation.ProductionIndicators;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** What one Prodcom PRODVAL observation adds to the production sums of its year (indicators.md §6). */
public final class ProductionContribution {

    private ProductionContribution() {
    }

    /**
     * The observation's value for all products of its reporter and for each code it carries,
     * parents included, and one observation for its reporter, which makes the reporter present in
     * the year. Empty for a value that is not a number.
     */
    public static Optional<SumContribution> of(ClassifiedProduction production) {
        if (!Double.isFinite(production.getValueEur())) {
            return Optional.empty();
        }
        String country = CountedCountry.of(production.getCountry());
        BigDecimal value = new BigDecimal(production.getValueEur());
        SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        amounts.put(DecimalYearSums.key(DecimalYearSums.ALL_CODES, country, ProductionIndicators.ROWS),
                BigDecimal.ONE);
        amounts.put(DecimalYearSums.key(DecimalYearSums.ALL_CODES, country, ProductionIndicators.PRODUCTION_VALUE),
                value);
        for (String code : EmiCodes.withParents(production.getCodes())) {
            amounts.put(DecimalYearSums.key(code, country, ProductionIndicators.PRODUCTION_VALUE), value);
        }
        return Optional.of(new SumContribution(new TreeSet<>(Set.of(production.getYear())), amounts,
                production.getSourceRelease(), production.getConcordanceVersion()));
    }
}
