package eu.emistreams.classifier.rules;

/** The two families of codes a rule can assign (indicators.md §1). */
public enum Dimension {
    ECOSYSTEM,
    TECHNOLOGY
}
