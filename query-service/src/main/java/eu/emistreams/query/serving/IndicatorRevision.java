package eu.emistreams.query.serving;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;

/**
 * What a release changed in one indicator value: the value it replaced (null for a value the
 * release published for the first time), the value now, and the difference.
 *
 * @param source the source whose release it is ({@code patstat}, {@code comtrade}...)
 * @param release the release the value was last changed by: the release its source's records were
 *     counted from when it was published
 */
public record IndicatorRevision(String indicator, String country, String code, int year, String source,
        String release, Double previous, double value, Double difference) {

    public static final Comparator<IndicatorRevision> ORDER = Comparator.comparing(IndicatorRevision::indicator)
            .thenComparing(IndicatorRevision::country).thenComparing(IndicatorRevision::code)
            .thenComparingInt(IndicatorRevision::year);

    /** The revision {@code row} holds if one of its sources was last changed by {@code release}. */
    public static java.util.Optional<IndicatorRevision> of(IndicatorRowWithProvenance row, String release) {
        for (Map.Entry<String, String> source : row.releases().entrySet()) {
            if (source.getValue().equals(release)) {
                Double previous = row.previousValue();
                // The difference of the published decimals, not of two doubles.
                Double difference = previous == null ? null
                        : BigDecimal.valueOf(row.value()).subtract(BigDecimal.valueOf(previous)).doubleValue();
                return java.util.Optional.of(new IndicatorRevision(row.indicator(), row.country(), row.code(), row.year(),
                        source.getKey(), release, previous, row.value(), difference));
            }
        }
        return java.util.Optional.empty();
    }
}
