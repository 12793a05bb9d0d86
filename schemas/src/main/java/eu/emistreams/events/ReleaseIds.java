package eu.emistreams.events;

import java.util.regex.Pattern;

/**
 * What a release id may be: the ingest accepts only these, so every service that takes one as a
 * parameter refuses the same ill-formed ids with the same words.
 */
public final class ReleaseIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The rule in words, for a refusal. */
    public static final String RULE = "letters, digits, '.', '_' and '-' (at most 64)";

    private ReleaseIds() {
    }

    public static boolean isValid(String release) {
        return release != null && VALID.matcher(release).matches();
    }
}
