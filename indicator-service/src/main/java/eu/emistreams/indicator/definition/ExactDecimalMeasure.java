package eu.emistreams.indicator.definition;

import eu.emistreams.indicator.store.InternalSerdes;
import eu.emistreams.indicator.store.YearChanges;
import java.math.BigDecimal;
import org.apache.kafka.common.serialization.Serde;

/** Exact decimals of any size and scale, stored without trailing zeros. */
final class ExactDecimalMeasure implements Measure<BigDecimal> {

    private final Serde<BigDecimal> decimals = InternalSerdes.decimal();
    private final Serde<YearChanges<BigDecimal>> changes = InternalSerdes.decimalChanges();

    @Override
    public BigDecimal zero() {
        return BigDecimal.ZERO;
    }

    @Override
    public BigDecimal plus(BigDecimal augend, BigDecimal addend) {
        return augend.add(addend);
    }

    @Override
    public BigDecimal negate(BigDecimal value) {
        return value.negate();
    }

    @Override
    public boolean isZero(BigDecimal value) {
        return value.signum() == 0;
    }

    @Override
    public BigDecimal canonical(BigDecimal sum) {
        return sum.stripTrailingZeros();
    }

    @Override
    public Serde<BigDecimal> sumSerde() {
        return decimals;
    }

    @Override
    public Serde<YearChanges<BigDecimal>> changesSerde() {
        return changes;
    }

    @Override
    public Serde<BigDecimal> publishedSerde() {
        return decimals;
    }
}
