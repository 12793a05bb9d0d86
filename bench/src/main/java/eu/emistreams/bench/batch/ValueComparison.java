package eu.emistreams.bench.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The check that the pipeline and the baseline give the same indicators: the same set of keys,
 * and values within a tolerance. The indicator service republishes a value only when its rounding
 * to 9 decimals changes, so after a revision a value may differ from the exact one by less than
 * 1e-9; beyond that, both sides produce the double nearest to the same exact fraction.
 */
public record ValueComparison(int compared, List<IndicatorId> missing, List<IndicatorId> unexpected,
        List<String> different) {

    public static final double ABSOLUTE_TOLERANCE = 1e-9;
    private static final double RELATIVE_TOLERANCE = 1e-12;

    /**
     * @param expected the baseline's values
     * @param actual the pipeline's values
     */
    public static ValueComparison of(Map<IndicatorId, Double> expected, Map<IndicatorId, Double> actual) {
        List<IndicatorId> missing = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (IndicatorId id : new TreeSet<>(expected.keySet())) {
            Double got = actual.get(id);
            if (got == null) {
                missing.add(id);
            } else if (!close(expected.get(id), got)) {
                different.add(id + ": baseline " + expected.get(id) + ", pipeline " + got);
            }
        }
        List<IndicatorId> unexpected = new TreeSet<>(actual.keySet()).stream()
                .filter(id -> !expected.containsKey(id)).toList();
        return new ValueComparison(expected.size(), List.copyOf(missing), unexpected, List.copyOf(different));
    }

    static boolean close(double a, double b) {
        double difference = Math.abs(a - b);
        return difference <= ABSOLUTE_TOLERANCE || difference <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    public boolean matches() {
        return missing.isEmpty() && unexpected.isEmpty() && different.isEmpty();
    }

    /** One paragraph for a person: the counts and the first few cases of each kind. */
    public String describe() {
        if (matches()) {
            return "all " + compared + " indicator values agree";
        }
        StringBuilder text = new StringBuilder();
        text.append(compared).append(" values from the baseline: ").append(missing.size()).append(" missing from the pipeline, ")
                .append(unexpected.size()).append(" only in the pipeline, ").append(different.size()).append(" different");
        missing.stream().limit(5).forEach(id -> text.append("\n  missing: ").append(id));
        unexpected.stream().limit(5).forEach(id -> text.append("\n  only in the pipeline: ").append(id));
        different.stream().limit(5).forEach(line -> text.append("\n  different: ").append(line));
        return text.toString();
    }
}
