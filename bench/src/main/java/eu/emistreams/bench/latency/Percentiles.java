package eu.emistreams.bench.latency;

import java.util.Arrays;

/** Nearest-rank percentiles: the p-th percentile of n samples is the ceil(p/100 * n)-th smallest. */
public final class Percentiles {

    private Percentiles() {
    }

    public static double of(double[] samples, double percentile) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }
}
