package eu.emistreams.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares indicator values a service published with the exact reference: the key sets must be
 * equal and every value within 1e-9 relative (1e-9 absolute near zero). The report names the first
 * 20 missing keys, extra keys and differing values, so one failure tells what went wrong.
 */
public final class IndicatorComparison {

    static final double TOLERANCE = 1e-9;
    static final int SHOWN = 20;

    private final List<IndicatorId> missing = new ArrayList<>();
    private final List<IndicatorId> extra = new ArrayList<>();
    private final List<String> different = new ArrayList<>();
    private int differentCount;
    /** Per indicator: missing, extra and different counts, to see at once which one is off. */
    private final Map<String, int[]> perIndicator = new TreeMap<>();
    private final int expectedCount;
    private final int actualCount;

    private IndicatorComparison(int expectedCount, int actualCount) {
        this.expectedCount = expectedCount;
        this.actualCount = actualCount;
    }

    public static IndicatorComparison compare(SortedMap<IndicatorId, Fraction> expected, Map<IndicatorId, Double> actual) {
        IndicatorComparison comparison = new IndicatorComparison(expected.size(), actual.size());
        for (Map.Entry<IndicatorId, Fraction> entry : expected.entrySet()) {
            Double value = actual.get(entry.getKey());
            if (value == null) {
                comparison.missing.add(entry.getKey());
                comparison.tally(entry.getKey(), 0);
                continue;
            }
            double reference = entry.getValue().toDouble();
            if (!close(reference, value)) {
                comparison.differentCount++;
                comparison.tally(entry.getKey(), 2);
                if (comparison.different.size() < SHOWN) {
                    comparison.different.add(entry.getKey() + " expected " + entry.getValue() + " = " + reference
                            + " but was " + value);
                }
            }
        }
        for (IndicatorId id : new TreeSet<>(actual.keySet())) {
            if (!expected.containsKey(id)) {
                comparison.extra.add(id);
                comparison.tally(id, 1);
            }
        }
        return comparison;
    }

    private void tally(IndicatorId id, int kind) {
        perIndicator.computeIfAbsent(id.indicator(), name -> new int[3])[kind]++;
    }

    static boolean close(double expected, double actual) {
        if (Double.isNaN(actual) || Double.isInfinite(actual)) {
            return false;
        }
        double difference = Math.abs(expected - actual);
        return difference <= TOLERANCE || difference <= TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
    }

    public boolean matches() {
        return missing.isEmpty() && extra.isEmpty() && differentCount == 0;
    }

    public List<IndicatorId> missing() {
        return missing;
    }

    public List<IndicatorId> extra() {
        return extra;
    }

    public int differentCount() {
        return differentCount;
    }

    public String report() {
        StringBuilder text = new StringBuilder();
        text.append("expected ").append(expectedCount).append(" indicator values, got ").append(actualCount)
                .append("; missing ").append(missing.size()).append(", extra ").append(extra.size())
                .append(", different ").append(differentCount);
        perIndicator.forEach((indicator, counts) -> text.append("\n  ").append(indicator).append(": missing ")
                .append(counts[0]).append(", extra ").append(counts[1]).append(", different ").append(counts[2]));
        if (!missing.isEmpty()) {
            text.append("\nmissing (first ").append(SHOWN).append("): ").append(missing.subList(0, Math.min(SHOWN, missing.size())));
        }
        if (!extra.isEmpty()) {
            text.append("\nextra (first ").append(SHOWN).append("): ").append(extra.subList(0, Math.min(SHOWN, extra.size())));
        }
        if (!different.isEmpty()) {
            text.append("\ndifferent (first ").append(SHOWN).append("):");
            different.forEach(line -> text.append("\n  ").append(line));
        }
        return text.toString();
    }
}
