package eu.emistreams.events.codes;

/** The two families of codes of indicators.md §1; a concordance rule names one of them. */
public enum Dimension {
    ECOSYSTEM,
    TECHNOLOGY
}
