package eu.emistreams.classifier.rules;

import eu.emistreams.events.codes.Dimension;
import java.util.Objects;

/**
 * One validated, normalised classification rule: a record matching {@code pattern} under
 * {@code scheme} gets {@code code}.
 */
public record Rule(Scheme scheme, String pattern, Dimension dimension, String code) {

    public Rule {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(code, "code");
    }
}
