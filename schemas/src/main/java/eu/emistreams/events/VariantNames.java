package eu.emistreams.events;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names of variant rule sets (loaded beside the rules in force, issue 15): lower-case letters,
 * digits and dashes, at most 32, so that a name is safe in a topic key, a store key, a URL and a
 * file name alike. At most {@link #MAX_VARIANTS} are loaded at a time: each one multiplies the
 * sums the indicator stage keeps.
 */
public final class VariantNames {

    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    public static final int MAX_VARIANTS = 4;

    private VariantNames() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The reason a name is refused, empty for a valid one. */
    public static Optional<String> problem(String name) {
        if (isValid(name)) {
            return Optional.empty();
        }
        return Optional.of("a variant name is 1 to 32 lower-case letters, digits or dashes, starting with a letter or digit"
                + " ([a-z0-9][a-z0-9-]{0,31}), got '" + name + "'");
    }

    /** The key of a variant's rules on emi.concordance. */
    public static String concordanceKey(String name) {
        return EventTopics.VARIANT_KEY_PREFIX + name;
    }

    /** The variant named by a key of emi.concordance, empty for the key of the rules in force. */
    public static Optional<String> ofConcordanceKey(String key) {
        if (key == null || !key.startsWith(EventTopics.VARIANT_KEY_PREFIX)) {
            return Optional.empty();
        }
        String name = key.substring(EventTopics.VARIANT_KEY_PREFIX.length());
        return isValid(name) ? Optional.of(name) : Optional.empty();
    }
}
