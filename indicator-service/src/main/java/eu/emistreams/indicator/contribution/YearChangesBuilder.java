package eu.emistreams.indicator.contribution;

import eu.emistreams.indicator.definition.Measure;
import eu.emistreams.indicator.source.Contribution;
import eu.emistreams.indicator.store.YearChanges;
import java.util.HashMap;
import java.util.Map;

/** Collects the changes of one year, one contribution taken away or added at a time. */
final class YearChangesBuilder<M> {

    private final int year;
    private final Measure<M> measure;
    private final Map<String, M> changes = new HashMap<>();
    private boolean counts;
    private String sourceRelease;
    private String concordanceVersion;

    YearChangesBuilder(int year, Measure<M> measure) {
        this.year = year;
        this.measure = measure;
    }

    void retract(Contribution<M> contribution) {
        contribution.amounts(year).forEach((key, amount) -> changes.merge(key, measure.negate(amount), measure::plus));
    }

    /** Adds a contribution that counts in this year; the changes carry its provenance. */
    void add(Contribution<M> contribution) {
        contribution.amounts(year).forEach((key, amount) -> changes.merge(key, amount, measure::plus));
        counts = true;
        sourceRelease = contribution.sourceRelease();
        concordanceVersion = contribution.concordanceVersion();
    }

    /** The changes that did not cancel out, or null when nothing is left to tell. */
    YearChanges<M> build() {
        Map<String, M> nonZero = new HashMap<>(changes);
        nonZero.values().removeIf(measure::isZero);
        return nonZero.isEmpty() && !counts ? null
                : new YearChanges<>(year, nonZero, counts, sourceRelease, concordanceVersion);
    }
}
