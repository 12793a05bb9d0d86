package eu.emistreams.query.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import java.util.Comparator;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One indicator value as the HTTP API answers it (interfaces.md).
 *
 * @param provisional for patent values in {@code GET /api/indicators}: whether the priority year is
 *     provisional ({@link ProvisionalYears}); null, and not written, for the other families
 */
public record IndicatorRow(String indicator, String country, String code, int year, double value,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Patent values only (absent for the other families): true when the priority year is "
                + "provisional, one of the last emi.query.provisional-years (default 2) priority years with a counted "
                + "application; PATSTAT publishes applications about 18 months after the priority date",
                nullable = true)
        Boolean provisional) {

    public IndicatorRow(String indicator, String country, String code, int year, double value) {
        this(indicator, country, code, year, value, null);
    }

    /** The order of every answer: indicator, country, code, year. */
    public static final Comparator<IndicatorRow> ORDER = Comparator.comparing(IndicatorRow::indicator)
            .thenComparing(IndicatorRow::country)
            .thenComparing(IndicatorRow::code)
            .thenComparingInt(IndicatorRow::year);

    public static IndicatorRow of(IndicatorKey key, IndicatorValue value) {
        return new IndicatorRow(key.getIndicator(), key.getCountry(), key.getCode(), key.getYear(), value.getValue());
    }

    /** This row with its {@code provisional} flag: set for a patent value, absent for the others. */
    public IndicatorRow flagged(Set<Integer> provisionalYears) {
        return new IndicatorRow(indicator, country, code, year, value,
                ProvisionalYears.isPatent(indicator) ? Boolean.valueOf(provisionalYears.contains(year)) : null);
    }

    public IndicatorKey key() {
        return new IndicatorKey(indicator, country, code, year);
    }
}
