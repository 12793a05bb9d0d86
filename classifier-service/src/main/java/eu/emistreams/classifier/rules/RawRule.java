package eu.emistreams.classifier.rules;

/** The four fields of a rule as read, before validation, with the line they came from. */
public record RawRule(long line, String scheme, String pattern, String dimension, String code) {
}
