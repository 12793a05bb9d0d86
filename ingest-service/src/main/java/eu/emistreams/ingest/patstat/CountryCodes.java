package eu.emistreams.ingest.patstat;

import eu.emistreams.events.codes.Countries;
import java.util.Locale;

/**
 * Applicant countries as indicators.md §3 counts them: {@code person_ctry_code} trimmed and
 * upper-cased when that is an ISO 3166-1 alpha-2 code, {@code ZZ} otherwise (blank, {@code --},
 * {@code ..}, digits, and the non-ISO {@code EL} and {@code UK}).
 */
public final class CountryCodes {

    public static final String UNKNOWN = Countries.UNKNOWN;

    private CountryCodes() {
    }

    public static String normalise(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        return Countries.isIsoAlpha2(code) ? code : UNKNOWN;
    }
}
