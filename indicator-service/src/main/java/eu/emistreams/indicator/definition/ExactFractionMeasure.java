package eu.emistreams.indicator.definition;

import eu.emistreams.indicator.calculation.ExactFraction;
import eu.emistreams.indicator.store.InternalSerdes;
import eu.emistreams.indicator.store.YearChanges;
import java.math.BigDecimal;
import org.apache.kafka.common.serialization.Serde;

/** Exact fractions, in lowest terms: canonical by construction. Published values are kept as billionths. */
final class ExactFractionMeasure implements Measure<ExactFraction> {

    private final Serde<ExactFraction> sums = InternalSerdes.fraction();
    private final Serde<YearChanges<ExactFraction>> changes = InternalSerdes.fractionChanges();
    private final Serde<BigDecimal> published = InternalSerdes.billionths();

    @Override
    public ExactFraction zero() {
        return ExactFraction.ZERO;
    }

    @Override
    public ExactFraction plus(ExactFraction augend, ExactFraction addend) {
        return augend.plus(addend);
    }

    @Override
    public ExactFraction negate(ExactFraction value) {
        return value.negate();
    }

    @Override
    public boolean isZero(ExactFraction value) {
        return value.isZero();
    }

    @Override
    public ExactFraction canonical(ExactFraction sum) {
        return sum;
    }

    @Override
    public Serde<ExactFraction> sumSerde() {
        return sums;
    }

    @Override
    public Serde<YearChanges<ExactFraction>> changesSerde() {
        return changes;
    }

    @Override
    public Serde<BigDecimal> publishedSerde() {
        return published;
    }
}
