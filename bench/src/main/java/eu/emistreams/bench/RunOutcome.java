package eu.emistreams.bench;

import eu.emistreams.bench.batch.ValueComparison;
import eu.emistreams.bench.load.QueryLoadGenerator;
import eu.emistreams.bench.report.BenchResult;
import java.util.Map;

/**
 * A run's result and what backs it: the comparisons of the pipeline's values with the baseline's
 * (by release, empty under {@code --skip-batch}), the query load's full outcome, each process's
 * own peak memory and the seconds DuckDB spent per table.
 */
public record RunOutcome(
        BenchResult result,
        Map<String, ValueComparison> comparisons,
        QueryLoadGenerator.Outcome queryLoad,
        Map<String, Long> peakRssByProcessMb,
        Map<String, Double> batchSecondsByTable) {
}
