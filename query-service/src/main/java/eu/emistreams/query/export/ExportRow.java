package eu.emistreams.query.export;

import eu.emistreams.query.factsheet.CodeLabels;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One line of a data package: an indicator value with its label, unit and provenance. */
public record ExportRow(String indicator, String country, String code, String codeLabel, int year, double value,
        String unit, String sourceReleases, String concordanceVersion) {

    /** The columns, in order, as the header of the CSV and of the XLSX sheet. */
    public static final List<String> COLUMNS = List.of("indicator", "country", "code", "code_label", "year", "value", "unit",
            "source_releases", "concordance_version");

    public static ExportRow of(IndicatorRowWithProvenance row) {
        return new ExportRow(row.indicator(), row.country(), row.code(), CodeLabels.label(row.code()), row.year(), row.value(),
                IndicatorDefinitions.unit(row.indicator()), releases(row.releases()), row.concordanceVersion());
    }

    /** {@code patstat=2024-spring}, several sources separated by {@code ; }, in the order of their names. */
    static String releases(Map<String, String> releases) {
        return new TreeMap<>(releases).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("; "));
    }

    /**
     * A value as CSV writes it: a dot as decimal separator, no exponent, every digit of the shortest
     * decimal that reads back as the same double.
     */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).toPlainString();
    }
}
