package eu.emistreams.ingest.patstat;

import java.util.Locale;
import java.util.Set;

/**
 * Applicant countries as indicators.md §3 counts them: {@code person_ctry_code} trimmed and
 * upper-cased when that is an ISO 3166-1 alpha-2 code, {@code ZZ} otherwise (blank, {@code --},
 * {@code ..}, digits, and the non-ISO {@code EL} and {@code UK}).
 */
public final class CountryCodes {

    public static final String UNKNOWN = "ZZ";

    private static final Set<String> ISO_ALPHA_2 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private CountryCodes() {
    }

    public static String normalise(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        return ISO_ALPHA_2.contains(code) ? code : UNKNOWN;
    }
}
