package eu.emistreams.query.testing;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.Provenance;
import eu.emistreams.events.ingest.IngestReport;
import java.util.Map;

/** Builders of the events these tests feed. */
public final class Records {

    private Records() {
    }

    public static IndicatorKey key(String indicator, String country, String code, int year) {
        return new IndicatorKey(indicator, country, code, year);
    }

    public static IndicatorValue value(IndicatorKey key, double value) {
        return value(key, value, "2024-spring", null);
    }

    /** As the indicator service publishes a value: from {@code release} of patstat, replacing {@code previous}. */
    public static IndicatorValue value(IndicatorKey key, double value, String release, Double previous) {
        return IndicatorValue.newBuilder()
                .setPreviousValue(previous)
                .setIndicator(key.getIndicator())
                .setCountry(key.getCountry())
                .setCode(key.getCode())
                .setYear(key.getYear())
                .setValue(value)
                .setProvenance(new Provenance(Map.of("patstat", release), "test-concordance"))
                .setComputedAt(1_700_000_000_000L)
                .build();
    }

    public static IngestReport report(String source, String release, String status, long startedAt, long read,
            long published, long ignored, long quality, long rejected) {
        return IngestReport.newBuilder()
                .setSource(source)
                .setRelease(release)
                .setStatus(status)
                .setStartedAt(startedAt)
                .setFinishedAt("RUNNING".equals(status) ? null : startedAt + 1_000)
                .setRead(read)
                .setPublished(published)
                .setIgnored(ignored)
                .setQuality(quality)
                .setRejected(rejected)
                .setDetails(Map.of("ignored.non_transnational", ignored))
                .build();
    }
}
