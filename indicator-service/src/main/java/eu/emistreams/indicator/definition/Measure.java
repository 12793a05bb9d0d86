package eu.emistreams.indicator.definition;

import eu.emistreams.indicator.calculation.ExactFraction;
import eu.emistreams.indicator.store.InternalSerdes;
import eu.emistreams.indicator.store.YearChanges;
import java.math.BigDecimal;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serde;

/**
 * The exact numbers a family sums, {@code M}: the arithmetic the stages apply to them and the
 * binary formats they are kept and sent in. Exact, so that upserts and retractions in any order
 * leave no trace in the sums. Each measure keeps the formats its family's state was written in.
 */
public final class Measure<M> {

    /** Fractional patent counts (1/3 + 1/7 + ...), in lowest terms; published values kept as billionths. */
    public static final Measure<ExactFraction> EXACT_FRACTION = new Measure<>(ExactFraction.ZERO,
            ExactFraction::plus, ExactFraction::negate, ExactFraction::isZero, UnaryOperator.identity(),
            InternalSerdes.fraction(), InternalSerdes.fractionChanges(), InternalSerdes.billionths());

    /** Money and quantities: the exact decimal values of the records' doubles, stored without trailing zeros. */
    public static final Measure<BigDecimal> EXACT_DECIMAL = new Measure<>(BigDecimal.ZERO,
            BigDecimal::add, BigDecimal::negate, decimal -> decimal.signum() == 0, BigDecimal::stripTrailingZeros,
            InternalSerdes.decimal(), InternalSerdes.decimalChanges(), InternalSerdes.decimal());

    private final M zero;
    private final BinaryOperator<M> plus;
    private final UnaryOperator<M> negate;
    private final Predicate<M> isZero;
    private final UnaryOperator<M> canonical;
    private final Serde<M> sumSerde;
    private final Serde<YearChanges<M>> changesSerde;
    private final Serde<BigDecimal> publishedSerde;

    private Measure(M zero, BinaryOperator<M> plus, UnaryOperator<M> negate, Predicate<M> isZero,
            UnaryOperator<M> canonical, Serde<M> sumSerde, Serde<YearChanges<M>> changesSerde,
            Serde<BigDecimal> publishedSerde) {
        this.zero = zero;
        this.plus = plus;
        this.negate = negate;
        this.isZero = isZero;
        this.canonical = canonical;
        this.sumSerde = sumSerde;
        this.changesSerde = changesSerde;
        this.publishedSerde = publishedSerde;
    }

    public M zero() {
        return zero;
    }

    public M plus(M augend, M addend) {
        return plus.apply(augend, addend);
    }

    public M negate(M value) {
        return negate.apply(value);
    }

    public boolean isZero(M value) {
        return isZero.test(value);
    }

    /** The form a sum is stored in, so that equal sums are equal bytes in the store. */
    public M canonical(M sum) {
        return canonical.apply(sum);
    }

    /** Values of the sums store. */
    public Serde<M> sumSerde() {
        return sumSerde;
    }

    /** Values of the repartition topic by year. */
    public Serde<YearChanges<M>> changesSerde() {
        return changesSerde;
    }

    /** Values of the published store: indicator values rounded to 9 decimals. */
    public Serde<BigDecimal> publishedSerde() {
        return publishedSerde;
    }
}
