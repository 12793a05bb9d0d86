package eu.emistreams.indicator.calculation;

/** One indicator value of a year, exact; converted to a double only when published. */
public record IndicatorPoint(String indicator, String country, String code, ExactFraction value) {
}
