package eu.emistreams.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run as {@code bench/results/<timestamp>.json} records it: exactly the keys of
 * {@link #KEYS}. A measure that was not taken (the batch under {@code --skip-batch}) is null.
 */
public record BenchResult(
        int applications,
        Double backfillSeconds,
        Double batchSeconds,
        Double releaseSeconds,
        Double eventLatencyP99Ms,
        Double queryP99Ms,
        Double queryRps,
        Long peakRssMb,
        Map<String, Object> machine) {

    public static final List<String> KEYS = List.of("applications", "backfill_seconds", "batch_seconds",
            "release_seconds", "event_latency_p99_ms", "query_p99_ms", "query_rps", "peak_rss_mb", "machine");

    /** The targets of the benchmark issue. */
    public static final double BACKFILL_PER_BATCH_TARGET = 3;
    public static final double EVENT_P99_TARGET_MS = 1000;
    public static final double QUERY_P99_TARGET_MS = 5;
    public static final double QUERY_RPS_TARGET = 1000;
    public static final long PEAK_RSS_TARGET_MB = 3 * 1024;

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("applications", applications);
        json.put("backfill_seconds", round(backfillSeconds, 2));
        json.put("batch_seconds", round(batchSeconds, 2));
        json.put("release_seconds", round(releaseSeconds, 2));
        json.put("event_latency_p99_ms", round(eventLatencyP99Ms, 1));
        json.put("query_p99_ms", round(queryP99Ms, 2));
        json.put("query_rps", round(queryRps, 1));
        json.put("peak_rss_mb", peakRssMb);
        json.put("machine", machine);
        return json;
    }

    @SuppressWarnings("unchecked")
    public static BenchResult fromJson(Map<String, Object> json) {
        if (!json.keySet().equals(new java.util.HashSet<>(KEYS))) {
            throw new IllegalArgumentException("a result has the keys " + KEYS + ", found " + json.keySet());
        }
        return new BenchResult(((Number) json.get("applications")).intValue(),
                number(json.get("backfill_seconds")), number(json.get("batch_seconds")),
                number(json.get("release_seconds")), number(json.get("event_latency_p99_ms")),
                number(json.get("query_p99_ms")), number(json.get("query_rps")),
                json.get("peak_rss_mb") == null ? null : ((Number) json.get("peak_rss_mb")).longValue(),
                (Map<String, Object>) json.get("machine"));
    }

    /** The targets this run missed, in words; empty when it met every target it measured. */
    public List<String> missedTargets() {
        List<String> missed = new java.util.ArrayList<>();
        if (backfillSeconds != null && batchSeconds != null && backfillSeconds > BACKFILL_PER_BATCH_TARGET * batchSeconds) {
            missed.add("backfill > 3 x batch");
        }
        if (releaseSeconds != null && batchSeconds != null && releaseSeconds > batchSeconds) {
            missed.add("release > batch");
        }
        if (eventLatencyP99Ms != null && eventLatencyP99Ms > EVENT_P99_TARGET_MS) {
            missed.add("event p99 > 1 s");
        }
        if (queryP99Ms != null && queryP99Ms > QUERY_P99_TARGET_MS) {
            missed.add("query p99 > 5 ms");
        }
        if (queryRps != null && queryRps < QUERY_RPS_TARGET) {
            missed.add("query < 1000 req/s");
        }
        if (peakRssMb != null && peakRssMb > PEAK_RSS_TARGET_MB) {
            missed.add("stack > 3 GB");
        }
        return missed;
    }

    private static Double round(Double value, int decimals) {
        if (value == null) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
