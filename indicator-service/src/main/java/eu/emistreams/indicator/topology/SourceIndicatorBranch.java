package eu.emistreams.indicator.topology;

import eu.emistreams.indicator.calculation.DecimalYearSums;
import eu.emistreams.indicator.calculation.IndicatorPoint;
import eu.emistreams.indicator.source.SumContribution;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;

/**
 * One trade, production or investment source of the indicator service: the classified topic it
 * reads, the indicator topic it writes, what a record contributes to the sums and how a year's
 * sums become indicators. Every processor, store and internal topic is named after {@code name}
 * ({@code trade-contributions}, {@code trade-year-sums}...); the names are a contract with the
 * state of running instances, renaming one rebuilds it.
 *
 * @param provenanceSource the source name under which the release is reported in the provenance and
 *     in the ingest reports
 */
public record SourceIndicatorBranch<V>(
        String name,
        String classifiedTopic,
        String indicatorTopic,
        String provenanceSource,
        Serde<V> classified,
        Function<V, Optional<SumContribution>> contribution,
        Function<DecimalYearSums, List<IndicatorPoint>> indicators) {

    public String sourceNode() {
        return name + "-classified-source";
    }

    /** The processor, and the store of each record's last contribution (keyed by the record key). */
    public String contributions() {
        return name + "-contributions";
    }

    /** The repartition by year. */
    public String deltasByYear() {
        return name + "-deltas-by-year";
    }

    public String yearAggregates() {
        return name + "-year-aggregates";
    }

    /** Exact sums keyed {@code year|code|country|measure}. */
    public String sumsStore() {
        return name + "-year-sums";
    }

    /** Per year: provenance, and whether its indicators wait to be published. */
    public String statusStore() {
        return statusStoreOf(name);
    }

    static String statusStoreOf(String name) {
        return name + "-year-status";
    }

    /** Last published values keyed {@code year|code|country|indicator}, rounded to 9 decimals. */
    public String publishedStore() {
        return name + "-indicators-published";
    }

    public String sinkNode() {
        return name + "-indicators-sink";
    }
}
