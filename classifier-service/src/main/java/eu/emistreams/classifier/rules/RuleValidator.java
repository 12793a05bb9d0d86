package eu.emistreams.classifier.rules;

import eu.emistreams.events.codes.Dimension;
import eu.emistreams.events.codes.EmiCodes;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Checks the four fields of one rule against indicators.md §1-§2. */
final class RuleValidator {

    private static final String SCHEMES = Arrays.stream(Scheme.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private RuleValidator() {
    }

    /**
     * @throws IllegalArgumentException with the reason the rule is refused
     */
    static Rule validate(RawRule raw) {
        Scheme scheme = scheme(raw.scheme());
        Dimension dimension = dimension(raw.dimension());
        String code = strip(raw.code());
        Dimension codeDimension = EmiCodes.dimensionOf(code)
                .orElseThrow(() -> new IllegalArgumentException("unknown code " + code));
        if (codeDimension != dimension) {
            throw new IllegalArgumentException(
                    "code " + code + " belongs to dimension " + codeDimension + ", not " + dimension);
        }
        String pattern = scheme.normalise(raw.pattern() == null ? "" : raw.pattern());
        return new Rule(scheme, pattern, dimension, code);
    }

    private static Scheme scheme(String raw) {
        String name = strip(raw);
        try {
            return Scheme.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scheme " + name + " (expected one of " + SCHEMES + ")");
        }
    }

    private static Dimension dimension(String raw) {
        String name = strip(raw);
        try {
            return Dimension.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown dimension " + name + " (expected ECOSYSTEM or TECHNOLOGY)");
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
