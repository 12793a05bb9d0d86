package eu.emistreams.indicator.definition;

import eu.emistreams.indicator.calculation.ExactFraction;
import eu.emistreams.indicator.store.YearChanges;
import java.math.BigDecimal;
import org.apache.kafka.common.serialization.Serde;

/**
 * The exact numbers a family sums, {@code M}: the arithmetic the stages apply to them and the
 * binary formats they are kept and sent in. Exact, so that an upsert or a retraction in any order
 * leaves no trace in the sums.
 */
public interface Measure<M> {

    /** Fractional patent counts (1/3 + 1/7 + ...). */
    Measure<ExactFraction> EXACT_FRACTION = new ExactFractionMeasure();

    /** Money and quantities: the exact decimal values of the records' doubles. */
    Measure<BigDecimal> EXACT_DECIMAL = new ExactDecimalMeasure();

    M zero();

    M plus(M augend, M addend);

    M negate(M value);

    boolean isZero(M value);

    /** The form a sum is stored in, so that equal sums are equal bytes in the store. */
    M canonical(M sum);

    /** Values of the sums store. */
    Serde<M> sumSerde();

    /** Values of the repartition topic by year. */
    Serde<YearChanges<M>> changesSerde();

    /** Values of the published store: indicator values rounded to 9 decimals. */
    Serde<BigDecimal> publishedSerde();
}
