package eu.emistreams.indicator.source;

import eu.emistreams.events.codes.EmiCodes;
import java.util.Locale;
import java.util.regex.Pattern;

/** The country of a classified record as the indicators count it. */
final class CountedCountry {

    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    private CountedCountry() {
    }

    /** The upstream services already send ISO alpha-2 or ZZ; anything else must not become a country. */
    static String of(String country) {
        String code = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
        return ALPHA_2.matcher(code).matches() ? code : EmiCodes.UNKNOWN_COUNTRY;
    }
}
