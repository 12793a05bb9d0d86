package eu.emistreams.bench.batch;

import java.util.Comparator;

/** The key of one indicator value: (indicator, country, code, year), as the API and the topic key it. */
public record IndicatorId(String indicator, String country, String code, int year) implements Comparable<IndicatorId> {

    private static final Comparator<IndicatorId> ORDER = Comparator.comparing(IndicatorId::indicator)
            .thenComparing(IndicatorId::country)
            .thenComparing(IndicatorId::code)
            .thenComparingInt(IndicatorId::year);

    @Override
    public int compareTo(IndicatorId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return indicator + " " + country + " " + code + " " + year;
    }
}
