package eu.emistreams.query.serving;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import java.util.Map;
import java.util.TreeMap;

/**
 * An indicator value with the releases and the concordance it was computed from, for answers that
 * must name their sources (the fact sheet's source lines). The public API answers {@link IndicatorRow}.
 *
 * @param releases source name ({@code patstat}, {@code comtrade}...) to the release it was computed from
 * @param previousValue the value this one replaced when it was published (9 decimals); null for a
 *     value published for the first time
 */
public record IndicatorRowWithProvenance(String indicator, String country, String code, int year, double value,
        Map<String, String> releases, String concordanceVersion, Double previousValue) {

    public IndicatorRowWithProvenance {
        releases = releases == null ? Map.of() : Map.copyOf(releases);
        concordanceVersion = concordanceVersion == null ? "" : concordanceVersion;
    }

    /** A value published for the first time. */
    public IndicatorRowWithProvenance(String indicator, String country, String code, int year, double value,
            Map<String, String> releases, String concordanceVersion) {
        this(indicator, country, code, year, value, releases, concordanceVersion, null);
    }

    public static IndicatorRowWithProvenance of(IndicatorKey key, IndicatorValue value) {
        Map<String, String> releases = new TreeMap<>();
        String concordance = "";
        if (value.getProvenance() != null) {
            value.getProvenance().getReleases().forEach((source, release) -> releases.put(source.toString(), release.toString()));
            concordance = value.getProvenance().getConcordanceVersion();
        }
        return new IndicatorRowWithProvenance(key.getIndicator(), key.getCountry(), key.getCode(), key.getYear(),
                value.getValue(), releases, concordance, value.getPreviousValue());
    }

    public IndicatorRow row() {
        return new IndicatorRow(indicator, country, code, year, value);
    }

    /** The order of {@link IndicatorRow#ORDER}. */
    public static int compare(IndicatorRowWithProvenance a, IndicatorRowWithProvenance b) {
        return IndicatorRow.ORDER.compare(a.row(), b.row());
    }
}
