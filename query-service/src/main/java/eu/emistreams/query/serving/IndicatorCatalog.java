package eu.emistreams.query.serving;

import eu.emistreams.events.codes.EmiCodes;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The names a query may use, as defined by the indicator contract (indicators.md §1, §3, §5-7). */
public final class IndicatorCatalog {

    public static final Set<String> INDICATORS = Set.of(
            "patent.count", "patent.country_share", "patent.world_share", "patent.eu27_rank",
            "trade.exports", "trade.imports", "trade.balance", "trade.eu27_rank",
            "production.value", "production.tech_share", "production.eu_share",
            "investment.pe_vc_usd", "investment.rounds");

    /** The code of applicants whose country is unknown or not a valid ISO code. */
    public static final String UNKNOWN_COUNTRY = EmiCodes.UNKNOWN_COUNTRY;

    /** The EU27 as one economy, served like a country (docs/indicators-implementation.md). */
    public static final String EU27 = EmiCodes.EU27_AGGREGATE;

    /** Every ISO 3166-1 alpha-2 code (the peers US, CN, JP, KR among them), ZZ and EU27. */
    public static final Set<String> COUNTRIES = countries();

    /** Codes users type that are not ISO 3166 alpha-2 but name a country the system knows. */
    private static final Map<String, String> COUNTRY_HINTS = Map.of("EL", "GR", "UK", "GB");

    private IndicatorCatalog() {
    }

    /** An ecosystem or technology code of indicators.md §1. */
    public static boolean isCode(String code) {
        return EmiCodes.isCode(code);
    }

    /** The ISO code meant by a common non-ISO code (Eurostat's EL for Greece), if there is one. */
    public static String countryHint(String country) {
        return COUNTRY_HINTS.get(country);
    }

    private static Set<String> countries() {
        Set<String> countries = new TreeSet<>(Set.of(Locale.getISOCountries()));
        countries.add(UNKNOWN_COUNTRY);
        countries.add(EU27);
        return Set.copyOf(countries);
    }
}
