package eu.emistreams.indicator.topology;

import eu.emistreams.indicator.calculation.ExactFraction;
import eu.emistreams.indicator.calculation.YearSums;
import eu.emistreams.indicator.source.PatentContribution;
import java.util.HashMap;
import java.util.Map;

/**
 * What the applications read since the last commit changed in the sums of one year: per
 * {@code code|country}, the weight added (negative: taken away), changes that cancelled out left
 * out, and the provenance of the last contribution added, null when none was. It travels on the internal repartition topic keyed by
 * year, one record per year and commit instead of one per application.
 */
public record YearSumChanges(int year, Map<String, ExactFraction> changes, String sourceRelease,
        String concordanceVersion) {

    public YearSumChanges {
        Map<String, ExactFraction> nonZero = new HashMap<>(changes);
        nonZero.values().removeIf(ExactFraction::isZero);
        changes = Map.copyOf(nonZero);
    }

    static String changeKey(String code, String country) {
        return code + "|" + country;
    }

    /** Collects the changes of one year, one application at a time. */
    static final class Builder {
        private final int year;
        private final Map<String, ExactFraction> changes = new HashMap<>();
        private String sourceRelease;
        private String concordanceVersion;

        Builder(int year) {
            this.year = year;
        }

        /** Adds (or, when {@code retract}, subtracts) one application's weights to every sum it counts in. */
        void add(PatentContribution contribution, boolean retract) {
            if (contribution.year() != year) {
                throw new IllegalArgumentException("a contribution of " + contribution.year() + " to the changes of " + year);
            }
            Map<String, ExactFraction> weights = contribution.weightsByCountry();
            weights.forEach((country, weight) -> change(YearSums.ALL_CODES, country, weight, retract));
            for (String code : contribution.codes()) {
                weights.forEach((country, weight) -> change(code, country, weight, retract));
            }
            if (!retract) {
                sourceRelease = contribution.sourceRelease();
                concordanceVersion = contribution.concordanceVersion();
            }
        }

        private void change(String code, String country, ExactFraction weight, boolean retract) {
            changes.merge(changeKey(code, country), retract ? weight.negate() : weight, ExactFraction::plus);
        }

        /** The changes that did not cancel out, or null when nothing is left to tell. */
        YearSumChanges build() {
            YearSumChanges built = new YearSumChanges(year, changes, sourceRelease, concordanceVersion);
            return built.changes().isEmpty() && sourceRelease == null ? null : built;
        }
    }
}
