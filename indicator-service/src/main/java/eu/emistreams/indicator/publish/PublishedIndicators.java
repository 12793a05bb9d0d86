package eu.emistreams.indicator.publish;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.Provenance;
import eu.emistreams.indicator.calculation.IndicatorPoint;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What a family last published, in its store keyed {@code year|code|country|indicator}, each value
 * rounded to 9 decimals. A recomputed year forwards only the indicators whose rounded value
 * changed, each with the value it replaces ({@code previousValue}, the revision a subscriber or
 * {@code GET /api/revisions} shows), and a tombstone for each indicator published before that
 * exists no more, so that a compacted read of the indicator topic holds exactly the year's
 * indicators.
 */
public final class PublishedIndicators {

    private static final String SEPARATOR = "|";
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

    private final KeyValueStore<String, BigDecimal> published;

    public PublishedIndicators(KeyValueStore<String, BigDecimal> published) {
        this.published = published;
    }

    /** Publishes the indicators of {@code year} that changed, stamped {@code nowMs}, through {@code forward}. */
    public void publish(int year, List<IndicatorPoint> points, Provenance provenance, long nowMs,
            Consumer<Record<IndicatorKey, IndicatorValue>> forward) {
        String prefix = year + SEPARATOR;
        Map<String, BigDecimal> previous = new HashMap<>();
        try (KeyValueIterator<String, BigDecimal> entries = published.prefixScan(prefix, PREFIX_SERIALIZER)) {
            entries.forEachRemaining(entry -> previous.put(entry.key, entry.value));
        }
        for (IndicatorPoint point : points) {
            String key = prefix + point.code() + SEPARATOR + point.country() + SEPARATOR + point.indicator();
            BigDecimal rounded = point.value().rounded();
            BigDecimal before = previous.remove(key);
            if (before == null || before.compareTo(rounded) != 0) {
                published.put(key, rounded);
                IndicatorKey indicatorKey = new IndicatorKey(point.indicator(), point.country(), point.code(), year);
                IndicatorValue value = new IndicatorValue(point.indicator(), point.country(), point.code(), year,
                        point.value().toDouble(), provenance, nowMs, before == null ? null : before.doubleValue());
                forward.accept(new Record<>(indicatorKey, value, nowMs));
            }
        }
        // What is left was published before and exists no more.
        for (String gone : previous.keySet()) {
            published.delete(gone);
            String[] parts = gone.split("\\" + SEPARATOR);
            forward.accept(new Record<>(new IndicatorKey(parts[3], parts[2], parts[1], year), null, nowMs));
        }
    }
}
