package eu.emistreams.indicator.calculation;

import java.util.List;

/**
 * The indicators of one year, and whether anything still counts in it: a year where nothing
 * counts is forgotten once its indicators are retracted.
 */
public record YearIndicators(List<IndicatorPoint> points, boolean anythingCounts) {
}
