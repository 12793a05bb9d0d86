package eu.emistreams.indicator.topology;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.Provenance;
import eu.emistreams.indicator.calculation.ExactFraction;
import eu.emistreams.indicator.calculation.IndicatorPoint;
import eu.emistreams.indicator.calculation.PatentIndicators;
import eu.emistreams.indicator.calculation.YearSums;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps the exact sums P(c, k, y) of every year of its partitions and publishes the indicators.
 * Each record of sum changes (one per year and upstream commit) only updates the sums it touches
 * and marks its year dirty; a wall-clock punctuator
 * recomputes the indicators of the dirty years that are due, compares them with what was last
 * published (rounded to 9 decimals) and forwards only what changed, and a tombstone for each
 * indicator that no longer exists.
 */
final class PatentYearAggregateProcessor implements Processor<Integer, YearSumChanges, IndicatorKey, IndicatorValue> {

    /**
     * Sums keyed {@code year|code|country}, code {@code *} for all codes. The world's sums are
     * derived at publication ({@link YearSums#addWorldTotals()}); {@code W} entries written by
     * earlier versions are ignored.
     */
    static final String SUMS_STORE = "patent-year-sums";
    static final String STATUS_STORE = "patent-year-status";
    /** Last published values keyed {@code year|code|country|indicator}, as value × 10^9 rounded half-up. */
    static final String PUBLISHED_STORE = "patent-indicators-published";

    static final String PATSTAT_SOURCE = "patstat";

    private static final String SEPARATOR = "|";
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

    private final PublicationSchedule schedule;
    private ProcessorContext<IndicatorKey, IndicatorValue> context;
    private KeyValueStore<String, ExactFraction> sums;
    /**
     * Every sum this task has read or written, as in the store (0 for absent). Writes still go to
     * the store, which commits them with the input offsets; reads come from here: a store read
     * (key and value serdes, the record cache's ordered map, metrics) was a fifth of the service's
     * samples in a backfill (docs/benchmarks.md). Only this processor writes the store.
     */
    private final Map<String, ExactFraction> knownSums = new HashMap<>();
    private KeyValueStore<Integer, YearStatus> statuses;
    private KeyValueStore<String, String> ingestActivity;
    private KeyValueStore<String, Long> published;

    PatentYearAggregateProcessor(PublicationSchedule schedule) {
        this.schedule = schedule;
    }

    static ProcessorSupplier<Integer, YearSumChanges, IndicatorKey, IndicatorValue> supplier(
            PublicationSchedule schedule, StateStoreKind storeKind) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<Integer, YearSumChanges, IndicatorKey, IndicatorValue> get() {
                return new PatentYearAggregateProcessor(schedule);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                // The record cache keeps each store's writes until the commit, once per key: a
                // record of changes combines many applications, so it writes each sum once.
                return Set.of(
                        Stores.keyValueStoreBuilder(storeKind.keyValue(SUMS_STORE),
                                Serdes.String(), InternalSerdes.fraction()).withCachingEnabled(),
                        Stores.keyValueStoreBuilder(storeKind.keyValue(STATUS_STORE),
                                Serdes.Integer(), InternalSerdes.yearStatus()).withCachingEnabled(),
                        Stores.keyValueStoreBuilder(storeKind.keyValue(PUBLISHED_STORE),
                                Serdes.String(), Serdes.Long()).withCachingEnabled());
            }
        };
    }

    @Override
    public void init(ProcessorContext<IndicatorKey, IndicatorValue> context) {
        this.context = context;
        this.sums = context.getStateStore(SUMS_STORE);
        knownSums.clear();
        this.ingestActivity = context.getStateStore(IngestActivity.STORE);
        this.statuses = context.getStateStore(STATUS_STORE);
        this.published = context.getStateStore(PUBLISHED_STORE);
        context.schedule(schedule.checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::publishDueYears);
    }

    @Override
    public void process(Record<Integer, YearSumChanges> record) {
        YearSumChanges changes = record.value();
        if (changes == null) {
            return;
        }
        for (Map.Entry<String, ExactFraction> change : changes.changes().entrySet()) {
            String key = yearPrefix(changes.year()) + change.getKey();
            ExactFraction sum = sum(key).plus(change.getValue());
            knownSums.put(key, sum);
            if (sum.isZero()) {
                // Absent means 0: the store holds no entry for a country or code without weight.
                sums.delete(key);
            } else {
                sums.put(key, sum);
            }
        }

        YearStatus before = statuses.get(changes.year());
        YearStatus status = before == null ? YearStatus.initial() : before;
        // YearSumChanges holds no zero change: any change moves a sum.
        if (!changes.changes().isEmpty()) {
            status = status.changedAt(context.currentSystemTimeMs());
        }
        if (changes.sourceRelease() != null) {
            status = status.withProvenance(changes.sourceRelease(), changes.concordanceVersion());
        }
        if (!status.equals(before)) {
            statuses.put(changes.year(), status);
        }
    }

    /** The sum under {@code key}, 0 when absent: from the sums already read, else from the store. */
    private ExactFraction sum(String key) {
        ExactFraction known = knownSums.get(key);
        if (known == null) {
            ExactFraction stored = sums.get(key);
            known = stored == null ? ExactFraction.ZERO : stored;
            knownSums.put(key, known);
        }
        return known;
    }

    private void publishDueYears(long nowMs) {
        boolean sourceBusy = schedule.sourceBusy(ingestActivity, PATSTAT_SOURCE);
        List<KeyValue<Integer, YearStatus>> due = new ArrayList<>();
        try (KeyValueIterator<Integer, YearStatus> all = statuses.all()) {
            all.forEachRemaining(entry -> {
                if (schedule.due(entry.value, nowMs, sourceBusy)) {
                    due.add(entry);
                }
            });
        }
        for (KeyValue<Integer, YearStatus> year : due) {
            publishYear(year.key, year.value, nowMs);
        }
    }

    private void publishYear(int year, YearStatus status, long nowMs) {
        YearSums yearSums = new YearSums();
        try (KeyValueIterator<String, ExactFraction> entries = sums.prefixScan(yearPrefix(year), PREFIX_SERIALIZER)) {
            entries.forEachRemaining(entry -> {
                String[] parts = entry.key.split("\\" + SEPARATOR);
                if (!YearSums.WORLD.equals(parts[2])) {
                    yearSums.put(parts[1], parts[2], entry.value);
                }
            });
        }
        yearSums.addWorldTotals();
        Map<String, Long> previous = new HashMap<>();
        try (KeyValueIterator<String, Long> entries = published.prefixScan(yearPrefix(year), PREFIX_SERIALIZER)) {
            entries.forEachRemaining(entry -> previous.put(entry.key, entry.value));
        }

        Provenance provenance = new Provenance(
                Map.of(PATSTAT_SOURCE, Objects.requireNonNullElse(status.sourceRelease(), "")),
                Objects.requireNonNullElse(status.concordanceVersion(), ""));
        for (IndicatorPoint point : PatentIndicators.of(yearSums)) {
            String key = publishedKey(year, point);
            long rounded = point.value().rounded().unscaledValue().longValueExact();
            Long before = previous.remove(key);
            if (before == null || before != rounded) {
                published.put(key, rounded);
                IndicatorKey indicatorKey = new IndicatorKey(point.indicator(), point.country(), point.code(), year);
                IndicatorValue value = new IndicatorValue(point.indicator(), point.country(), point.code(), year,
                        point.value().toDouble(), provenance, nowMs);
                context.forward(new Record<>(indicatorKey, value, nowMs));
            }
        }
        // What is left was published before and exists no more.
        for (String gone : previous.keySet()) {
            published.delete(gone);
            String[] parts = gone.split("\\" + SEPARATOR);
            context.forward(new Record<>(new IndicatorKey(parts[3], parts[2], parts[1], year), null, nowMs));
        }

        if (yearSums.applications().isZero()) {
            statuses.delete(year);
        } else {
            statuses.put(year, status.published());
        }
    }

    private static String yearPrefix(int year) {
        return year + SEPARATOR;
    }

    private static String sumKey(int year, String code, String country) {
        return year + SEPARATOR + code + SEPARATOR + country;
    }

    private static String publishedKey(int year, IndicatorPoint point) {
        return sumKey(year, point.code(), point.country()) + SEPARATOR + point.indicator();
    }
}
