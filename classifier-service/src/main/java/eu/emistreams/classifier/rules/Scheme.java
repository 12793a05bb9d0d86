package eu.emistreams.classifier.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The pattern schemes of indicators.md §2. Each scheme validates a raw pattern and turns it into
 * its normalised form, the one that is matched, published and hashed into the version.
 */
public enum Scheme {

    /** Subclass {@code H01L}, main group {@code H01L31} or group {@code H01L31/04}. */
    IPC {
        @Override
        String normalise(String raw) {
            String pattern = WHITESPACE.matcher(raw).replaceAll("");
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("empty IPC pattern");
            }
            if (!pattern.equals(pattern.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("IPC pattern must be upper case: " + raw.strip());
            }
            if (!IPC_FORM.matcher(pattern).matches()) {
                throw new IllegalArgumentException("malformed IPC pattern " + raw.strip()
                        + " (expected a subclass like H01L, a main group like H01L31 or a group like H01L31/04)");
            }
            return pattern;
        }
    },

    /** A lower-case ASCII phrase matched between word boundaries in the title or the abstract. */
    KEYWORD {
        @Override
        String normalise(String raw) {
            String phrase = raw.strip();
            if (phrase.isEmpty()) {
                throw new IllegalArgumentException("empty KEYWORD phrase");
            }
            for (int i = 0; i < phrase.length(); i++) {
                char c = phrase.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    throw new IllegalArgumentException("KEYWORD must be printable ASCII: " + phrase);
                }
                if (c >= 'A' && c <= 'Z') {
                    throw new IllegalArgumentException("KEYWORD must be lower case: " + phrase);
                }
            }
            // With \b on both sides a phrase that starts or ends with punctuation can only match
            // glued to a neighbouring word ("c++" never matches "c++ code"), which nobody means.
            if (!isAsciiWordChar(phrase.charAt(0)) || !isAsciiWordChar(phrase.charAt(phrase.length() - 1))) {
                throw new IllegalArgumentException(
                        "KEYWORD must start and end with a letter or digit: " + phrase);
            }
            return phrase;
        }
    },

    /** A prefix of a 6-digit HS code. */
    HS6 {
        @Override
        String normalise(String raw) {
            String digits = raw.strip();
            if (digits.isEmpty()) {
                throw new IllegalArgumentException("empty HS6 pattern");
            }
            if (!HS6_FORM.matcher(digits).matches()) {
                throw new IllegalArgumentException("HS6 pattern must be 1 to 6 digits: " + digits);
            }
            return digits;
        }
    },

    /** A prefix of an 8-digit PRODCOM code, dots removed. */
    PRODCOM8 {
        @Override
        String normalise(String raw) {
            String digits = raw.strip().replace(".", "");
            if (raw.isBlank()) {
                throw new IllegalArgumentException("empty PRODCOM8 pattern");
            }
            if (!PRODCOM8_FORM.matcher(digits).matches()) {
                throw new IllegalArgumentException(
                        "PRODCOM8 pattern must be 1 to 8 digits once dots are removed: " + raw.strip());
            }
            return digits;
        }
    },

    /** A Crunchbase category name, compared case-insensitively after trimming. */
    CB_CATEGORY {
        @Override
        String normalise(String raw) {
            String category = raw.strip();
            if (category.isEmpty()) {
                throw new IllegalArgumentException("empty CB_CATEGORY");
            }
            return category;
        }
    };

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern IPC_FORM = Pattern.compile("[A-H][0-9]{2}[A-Z](?:[1-9][0-9]{0,3}(?:/[0-9]{1,6})?)?");
    private static final Pattern HS6_FORM = Pattern.compile("[0-9]{1,6}");
    private static final Pattern PRODCOM8_FORM = Pattern.compile("[0-9]{1,8}");

    /**
     * Validates a raw pattern and returns its normalised form.
     *
     * @throws IllegalArgumentException with a reason fit for a user when the pattern is malformed
     */
    abstract String normalise(String raw);

    static boolean isAsciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
}
