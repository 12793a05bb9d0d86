package eu.emistreams.indicator.source;

import eu.emistreams.events.classified.ClassifiedTrade;
import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.indicator.calculation.DecimalYearSums;
import eu.emistreams.indicator.calculation.TradeIndicators;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** What one Comtrade row adds to the trade sums of its year (indicators.md §5). */
public final class TradeContribution {

    private TradeContribution() {
    }

    /**
     * The row's value under its flow (exports or imports) for each code it carries, parents
     * included, and one row for its reporter, which makes the reporter present in the year. Empty
     * for a row that counts nowhere: neither exports nor imports, or a value that is not a number.
     */
    public static Optional<SumContribution> of(ClassifiedTrade trade) {
        String flow = trade.getFlowCode() == null ? "" : trade.getFlowCode().strip().toUpperCase(Locale.ROOT);
        String measure = switch (flow) {
            case "X" -> TradeIndicators.EXPORTED;
            case "M" -> TradeIndicators.IMPORTED;
            default -> null;
        };
        if (measure == null || !Double.isFinite(trade.getValueUsd())) {
            return Optional.empty();
        }
        String country = CountedCountry.of(trade.getCountry());
        BigDecimal value = new BigDecimal(trade.getValueUsd());
        SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        amounts.put(DecimalYearSums.key(DecimalYearSums.ALL_CODES, country, TradeIndicators.ROWS), BigDecimal.ONE);
        for (String code : EmiCodes.withParents(trade.getCodes())) {
            amounts.put(DecimalYearSums.key(code, country, measure), value);
        }
        return Optional.of(new SumContribution(new TreeSet<>(Set.of(trade.getYear())), amounts,
                trade.getSourceRelease(), trade.getConcordanceVersion()));
    }
}
