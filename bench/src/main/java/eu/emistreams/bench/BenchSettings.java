package eu.emistreams.bench;

import eu.emistreams.bench.load.QueryShape;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How one benchmark run is made.
 *
 * @param repositoryRoot the checkout: the services' jars and the shipped concordance come from it
 * @param dataDirectory generated releases (kept and reused), the run's stack, DuckDB's spill files
 * @param applications transnational applications in the first release
 * @param releaseFraction share of applications the next release changes, removes or adds
 * @param skipBatch no DuckDB baseline: no batch time and no comparison of values
 * @param latencySamples changed applications timed to their indicator (after {@code latencyWarmups} untimed ones)
 * @param queryRate requests per second of the query load
 * @param keepStackData keep the run's broker, registry and service state after a successful run
 */
public record BenchSettings(
        Path repositoryRoot,
        Path dataDirectory,
        int applications,
        long seed,
        double releaseFraction,
        boolean skipBatch,
        int latencyWarmups,
        int latencySamples,
        QueryShape queryShape,
        int queryRate,
        Duration queryWarmup,
        Duration queryDuration,
        boolean keepStackData) {

    public BenchSettings {
        if (applications < 1) {
            throw new IllegalArgumentException("at least one application, got " + applications);
        }
        if (!(releaseFraction > 0 && releaseFraction <= 1)) {
            throw new IllegalArgumentException("the release fraction must be in (0, 1], got " + releaseFraction);
        }
        if (latencySamples < 1 || queryRate < 1 || queryDuration.isZero() || queryDuration.isNegative()) {
            throw new IllegalArgumentException("latency samples, query rate and query duration must be positive");
        }
    }

    /** The concordance the stack starts with, which the baseline must apply too. */
    public Path shippedConcordance() {
        return repositoryRoot.resolve("classifier-service/src/main/resources/concordance/default-concordance.csv");
    }
}
