package eu.emistreams.query.serving;

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

    public static final Set<String> ECOSYSTEM_CODES = Set.of(
            "AERO", "AGRI", "CONS", "CCI", "DIGI", "ELEC", "EII", "REN", "HEAL", "MOB", "PROX", "RETA", "TEXT", "TOUR");

    public static final Set<String> TECHNOLOGY_CODES = Set.of(
            "G.AMN", "G.BIO", "G.ESE", "G.REN", "G.REN.SOLAR", "G.REN.WIND", "G.REN.OTHER",
            "D.AMR", "D.AMR.AM", "D.AMR.ROB", "D.AI", "D.BD", "D.SEC", "D.MOB", "D.IOT",
            "D.MNP", "D.MNP.MNE", "D.MNP.PHO");

    /** The code of applicants whose country is unknown or not a valid ISO code. */
    public static final String UNKNOWN_COUNTRY = "ZZ";

    public static final Set<String> COUNTRIES = countries();

    /** Codes users type that are not ISO 3166 alpha-2 but name a country the system knows. */
    private static final Map<String, String> COUNTRY_HINTS = Map.of("EL", "GR", "UK", "GB");

    private IndicatorCatalog() {
    }

    public static boolean isCode(String code) {
        return ECOSYSTEM_CODES.contains(code) || TECHNOLOGY_CODES.contains(code);
    }

    /** The ISO code meant by a common non-ISO code (Eurostat's EL for Greece), if there is one. */
    public static String countryHint(String country) {
        return COUNTRY_HINTS.get(country);
    }

    private static Set<String> countries() {
        Set<String> countries = new TreeSet<>(Set.of(Locale.getISOCountries()));
        countries.add(UNKNOWN_COUNTRY);
        return Set.copyOf(countries);
    }
}
