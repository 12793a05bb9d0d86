package eu.emistreams.query.serving;

import eu.emistreams.events.indicator.IndicatorKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The filters of {@code GET /api/indicators}: each dimension is a set of accepted values, an empty
 * set accepting everything. Built only through {@link #parse}, so a filter always holds valid names.
 */
public record IndicatorFilter(
        SortedSet<String> indicators, SortedSet<String> countries, SortedSet<String> codes, SortedSet<Integer> years,
        String variant) {

    /** Above this many combinations a full key filter is scanned rather than looked up key by key. */
    static final int MAX_POINT_LOOKUPS = 1_000;

    private static final Pattern YEAR = Pattern.compile("[0-9]{1,4}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}|EU27");

    public IndicatorFilter {
        indicators = immutable(indicators);
        countries = immutable(countries);
        codes = immutable(codes);
        years = immutable(years);
    }

    /** A filter of the values under the rules in force. */
    public IndicatorFilter(SortedSet<String> indicators, SortedSet<String> countries, SortedSet<String> codes,
            SortedSet<Integer> years) {
        this(indicators, countries, codes, years, null);
    }

    /**
     * The same filter over the values under the variant rule set {@code variant} (null: under the
     * rules in force). The name must have been checked ({@code VariantNames}).
     */
    public IndicatorFilter withVariant(String variant) {
        return new IndicatorFilter(indicators, countries, codes, years, variant);
    }

    /** Whether the filter asks for the values of a variant rule set. */
    public boolean underVariant() {
        return variant != null;
    }

    public static IndicatorFilter all() {
        return new IndicatorFilter(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
    }

    /**
     * Reads the raw, repeatable query parameters. Blank values are absent filters ({@code ?country=}).
     * Every malformed value is reported (400) before any unknown one (404), so a client fixes syntax first.
     *
     * @throws MalformedParameterException a year that is not a whole number from 0 to 9999, or a
     *     country that is neither two letters nor {@code EU27}
     * @throws UnknownValueException a well-formed indicator, country or code that the contract lacks
     */
    public static IndicatorFilter parse(
            List<String> indicators, List<String> countries, List<String> codes, List<String> years) {
        SortedSet<Integer> yearSet = new TreeSet<>();
        for (String year : present(years)) {
            if (!YEAR.matcher(year).matches()) {
                throw new MalformedParameterException("year",
                        "year must be a whole number from 0 to 9999, got '" + year + "'");
            }
            yearSet.add(Integer.parseInt(year));
        }
        SortedSet<String> countrySet = new TreeSet<>();
        for (String country : present(countries)) {
            String upper = country.toUpperCase(Locale.ROOT);
            if (!COUNTRY.matcher(upper).matches()) {
                throw new MalformedParameterException("country",
                        "country must be an ISO 3166 alpha-2 code of two letters or EU27, got '" + country + "'");
            }
            countrySet.add(upper);
        }
        SortedSet<String> indicatorSet = new TreeSet<>();
        for (String indicator : present(indicators)) {
            indicatorSet.add(indicator.toLowerCase(Locale.ROOT));
        }
        SortedSet<String> codeSet = new TreeSet<>();
        for (String code : present(codes)) {
            codeSet.add(code.toUpperCase(Locale.ROOT));
        }

        for (String indicator : indicatorSet) {
            if (!IndicatorCatalog.INDICATORS.contains(indicator)) {
                throw new UnknownValueException("indicator", indicator, indicator
                        + " is not an indicator; the indicators are " + new TreeSet<>(IndicatorCatalog.INDICATORS));
            }
        }
        for (String country : countrySet) {
            if (!IndicatorCatalog.COUNTRIES.contains(country)) {
                String hint = IndicatorCatalog.countryHint(country);
                throw new UnknownValueException("country", country, country
                        + " is not an ISO 3166-1 alpha-2 country code nor ZZ nor EU27"
                        + (hint == null ? "" : "; use " + hint));
            }
        }
        for (String code : codeSet) {
            if (!IndicatorCatalog.isCode(code)) {
                throw new UnknownValueException("code", code, code
                        + " is not an ecosystem or technology code (indicators.md section 1)");
            }
        }
        return new IndicatorFilter(indicatorSet, countrySet, codeSet, yearSet);
    }

    public boolean matches(IndicatorKey key) {
        return (indicators.isEmpty() || indicators.contains(key.getIndicator()))
                && (countries.isEmpty() || countries.contains(key.getCountry()))
                && (codes.isEmpty() || codes.contains(key.getCode()))
                && (years.isEmpty() || years.contains(key.getYear()));
    }

    /** Every dimension is pinned and there are few combinations: look the keys up one by one. */
    public boolean isPointLookup() {
        long combinations = (long) indicators.size() * countries.size() * codes.size() * years.size();
        return combinations > 0 && combinations <= MAX_POINT_LOOKUPS;
    }

    public List<IndicatorKey> pointKeys() {
        List<IndicatorKey> keys = new ArrayList<>();
        for (String indicator : indicators) {
            for (String country : countries) {
                for (String code : codes) {
                    for (int year : years) {
                        keys.add(new IndicatorKey(indicator, country, code, year));
                    }
                }
            }
        }
        return keys;
    }

    /**
     * The leading key fields that bound a prefix scan of the store, one list per scan: one per
     * indicator, or per (indicator, country) when both are given. Empty when only a full scan will do.
     */
    public List<List<String>> scanPrefixes() {
        List<List<String>> prefixes = new ArrayList<>();
        // Keys lead with the indicator: a country-only question (the fact sheets ask those) becomes one
        // prefix scan per known indicator instead of a scan of the whole store.
        Collection<String> scanned = indicators.isEmpty() && !countries.isEmpty()
                ? new TreeSet<>(IndicatorCatalog.INDICATORS)
                : indicators;
        for (String indicator : scanned) {
            if (countries.isEmpty()) {
                prefixes.add(List.of(indicator));
            } else {
                for (String country : countries) {
                    prefixes.add(List.of(indicator, country));
                }
            }
        }
        return prefixes;
    }

    /** The filter as query parameters, to ask another instance the same question. */
    public Map<String, List<String>> asParameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("indicator", List.copyOf(indicators));
        parameters.put("country", List.copyOf(countries));
        parameters.put("code", List.copyOf(codes));
        parameters.put("year", years.stream().map(String::valueOf).toList());
        if (variant != null) {
            parameters.put("variant", List.of(variant));
        }
        return parameters;
    }

    private static List<String> present(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .filter(value -> value != null && !value.isBlank())
                .map(String::trim)
                .toList();
    }

    private static <T extends Comparable<T>> SortedSet<T> immutable(Collection<T> values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
}
