package eu.emistreams.indicator.definition;

import eu.emistreams.indicator.calculation.YearIndicators;
import eu.emistreams.indicator.lane.LaneContributions;
import eu.emistreams.indicator.source.Contribution;
import eu.emistreams.indicator.store.InternalSerdes;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;

/**
 * One indicator family, all the indicator pipeline needs to know of it: the classified topic it
 * reads (values {@code V}), what a record contributes to the sums of its years ({@code C}, summed in
 * the measure {@code M}), how a year's sums become indicators, and the indicator topic it writes.
 * Every processor and store is named after {@code name} ({@code patent-contributions},
 * {@code trade-year-sums}...); the names are a contract with the state of running instances,
 * renaming one rebuilds it.
 *
 * @param provenanceSource the source name under which the release is reported in the provenance and
 *     in the ingest reports
 * @param contributionFormat how the contributions store keeps each record's last contribution
 * @param indicators the indicators of a year from its stored sums, keyed as the contributions key
 *     their amounts
 * @param changesByYear the name of the repartition by year (topic
 *     {@code emi-indicator-<changesByYear>-repartition})
 * @param underVariants the record as each variant rule set tags it (issue 15), by variant name;
 *     empty while no variant is loaded
 */
public record IndicatorDefinition<V, C extends Contribution<M>, M>(
        String name,
        String classifiedTopic,
        String indicatorTopic,
        String provenanceSource,
        Serde<V> classified,
        Function<V, Optional<C>> contribution,
        InternalSerdes.Format<C> contributionFormat,
        Measure<M> measure,
        Function<Map<String, M>, YearIndicators> indicators,
        String changesByYear,
        Speed speed,
        Function<V, Map<String, V>> underVariants) {

    /**
     * What a family may do to go faster; neither changes what is published.
     *
     * @param combineChanges the contribution stage combines the changes of the records it reads per
     *     year and forwards them every {@code emi.indicator.forward-interval}, one record per year
     *     instead of one per record read; the contributions store marks the records not forwarded yet
     * @param sumsReadFromMemory the aggregate reads each sum from the store once, then from memory
     */
    public record Speed(boolean combineChanges, boolean sumsReadFromMemory) {

        /** Each record's changes forwarded as it is read, every sum read from the store. */
        public static final Speed PLAIN = new Speed(false, false);
    }

    /**
     * What a record contributes in every lane: under the rules in force and, with the same
     * {@link #contribution}, under each variant; empty where it counts in no year.
     */
    public Optional<LaneContributions<C, M>> laneContributions(V record) {
        Optional<C> inForce = contribution.apply(record);
        if (inForce.isEmpty()) {
            return Optional.empty();
        }
        Map<String, V> variants = underVariants.apply(record);
        if (variants.isEmpty()) {
            return Optional.of(LaneContributions.inForceOnly(inForce.get()));
        }
        SortedMap<String, C> byVariant = new TreeMap<>();
        variants.forEach((name, variant) -> contribution.apply(variant).ifPresent(c -> byVariant.put(name, c)));
        return Optional.of(new LaneContributions<>(inForce.get(), byVariant));
    }

    public String sourceNode() {
        return name + "-classified-source";
    }

    /** The processor, and the store of each record's last contribution (keyed by the record key). */
    public String contributions() {
        return name + "-contributions";
    }

    /**
     * Of a family that combines its changes: the last forward interval whose changes were forwarded
     * ({@code forwarded}) and the last in which a record changed ({@code changed}); records wait to
     * be forwarded while {@code changed} is later.
     */
    public String intervalsStore() {
        return intervalsStoreOf(name);
    }

    public static String intervalsStoreOf(String name) {
        return name + "-contribution-intervals";
    }

    public String yearAggregates() {
        return name + "-year-aggregates";
    }

    /** Exact sums keyed {@code year|code|country}, and {@code |measure} where a family has several. */
    public String sumsStore() {
        return name + "-year-sums";
    }

    /** Per year: provenance, and whether its indicators wait to be published. */
    public String statusStore() {
        return statusStoreOf(name);
    }

    public static String statusStoreOf(String name) {
        return name + "-year-status";
    }

    /** Last published values keyed {@code year|code|country|indicator}, rounded to 9 decimals. */
    public String publishedStore() {
        return name + "-indicators-published";
    }

    /**
     * The first node of the repartition by year (named by Kafka Streams after the topic), the
     * child the contribution stage forwards its changes to by name.
     */
    public String changesByYearEntry() {
        return changesByYear + "-repartition-filter";
    }

    public String sinkNode() {
        return name + "-indicators-sink";
    }

    /** Last published values of the variants keyed {@code year|variant|code|country|indicator}, rounded to 9 decimals. */
    public String variantPublishedStore() {
        return name + "-variant-indicators-published";
    }

    /** The sink of the variants' values, to emi.indicators.variants. */
    public String variantSinkNode() {
        return name + "-variant-indicators-sink";
    }
}
