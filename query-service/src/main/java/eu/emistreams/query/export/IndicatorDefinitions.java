package eu.emistreams.query.export;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unit and the short definition of every indicator, after indicators.md §3 and §5-7: the one
 * place the data packages take them from (the unit column, the About sheet, the fact sheet's
 * definitions sheet).
 */
public final class IndicatorDefinitions {

    /** What an indicator measures and in what. */
    public record Definition(String indicator, String unit, String definition, String source) {
    }

    private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();

    static {
        define("patent.count", "applications (fractional count)",
                "Transnational patent applications (PCT and direct EP filings) of the country's applicants tagged with the code,"
                        + " each applicant weighted 1/n; year = earliest filing year", "PATSTAT");
        define("patent.country_share", "%",
                "100 x the country's applications tagged with the code / all of the country's counted applications of the year;"
                        + " 0 where the denominator is 0", "PATSTAT");
        define("patent.world_share", "%",
                "100 x the country's applications tagged with the code / the applications of all countries tagged with the code;"
                        + " 0 where the denominator is 0", "PATSTAT");
        define("patent.eu27_rank", "rank (1 = highest)",
                "Competition rank of the country's patent.world_share among the EU27 for the code and year", "PATSTAT");
        define("trade.exports", "USD",
                "Exports to the world of the products (HS6) tagged with the code", "UN Comtrade");
        define("trade.imports", "USD",
                "Imports from the world of the products (HS6) tagged with the code", "UN Comtrade");
        define("trade.balance", "%",
                "100 x (exports - imports) / (exports + imports); absent where exports + imports = 0", "UN Comtrade");
        define("trade.eu27_rank", "rank (1 = highest)",
                "Competition rank of the country's trade.balance among the EU27 that have a value", "UN Comtrade");
        define("production.value", "EUR",
                "Value of sold production (PRODVAL) of the products tagged with the code", "Eurostat Prodcom");
        define("production.tech_share", "%",
                "100 x PRODVAL of the products tagged with the code / PRODVAL of all the country's products", "Eurostat Prodcom");
        define("production.eu_share", "%",
                "100 x the country's PRODVAL of the products tagged with the code / the same summed over the reporting EU27",
                "Eurostat Prodcom");
        define("investment.pe_vc_usd", "USD",
                "Private equity and venture capital raised by tech companies related to the code; year 0 holds the 2015-2023 total",
                "Crunchbase");
        define("investment.rounds", "rounds",
                "Number of counted PE/VC funding rounds of tech companies related to the code",
                "Crunchbase");
    }

    private IndicatorDefinitions() {
    }

    private static void define(String indicator, String unit, String definition, String source) {
        DEFINITIONS.put(indicator, new Definition(indicator, unit, definition, source));
    }

    /** The definition of an indicator of the contract; a bare one for anything else. */
    public static Definition of(String indicator) {
        Definition definition = DEFINITIONS.get(indicator);
        return definition != null ? definition : new Definition(indicator, "", "", "");
    }

    public static String unit(String indicator) {
        return of(indicator).unit();
    }
}
