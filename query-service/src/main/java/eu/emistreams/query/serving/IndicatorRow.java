package eu.emistreams.query.serving;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import java.util.Comparator;

/** One indicator value as the HTTP API answers it (interfaces.md). */
public record IndicatorRow(String indicator, String country, String code, int year, double value) {

    /** The order of every answer: indicator, country, code, year. */
    public static final Comparator<IndicatorRow> ORDER = Comparator.comparing(IndicatorRow::indicator)
            .thenComparing(IndicatorRow::country)
            .thenComparing(IndicatorRow::code)
            .thenComparingInt(IndicatorRow::year);

    public static IndicatorRow of(IndicatorKey key, IndicatorValue value) {
        return new IndicatorRow(key.getIndicator(), key.getCountry(), key.getCode(), key.getYear(), value.getValue());
    }

    public IndicatorKey key() {
        return new IndicatorKey(indicator, country, code, year);
    }
}
