package eu.emistreams.indicator.aggregate;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.Provenance;
import eu.emistreams.indicator.calculation.YearIndicators;
import eu.emistreams.indicator.definition.IndicatorDefinition;
import eu.emistreams.indicator.definition.Measure;
import eu.emistreams.indicator.publish.IngestActivity;
import eu.emistreams.indicator.publish.PublicationSchedule;
import eu.emistreams.indicator.publish.PublishedIndicators;
import eu.emistreams.indicator.store.InternalSerdes;
import eu.emistreams.indicator.store.YearChanges;
import eu.emistreams.indicator.store.YearStatus;
import eu.emistreams.streams.progress.TaskProgress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
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
 * Keeps the exact sums of every year of its partitions for one family and publishes its
 * indicators. Each record of changes only updates the sums it touches and marks its year dirty;
 * a wall-clock punctuator recomputes the indicators of the dirty years that are due
 * ({@link PublicationSchedule}) and publishes what changed ({@link PublishedIndicators}).
 *
 * <p>Its task's entry on emi.progress ({@link TaskProgress}, through the child
 * {@code <family>-year-aggregates-progress-sink}) is pending while a year is dirty: input offsets
 * commit before the punctuator publishes, so consumer lag alone cannot tell that the year's
 * indicators are out.
 */
public final class YearAggregateProcessor<M> implements Processor<Integer, YearChanges<M>, IndicatorKey, IndicatorValue> {

    private static final String SEPARATOR = "|";
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

    private final IndicatorDefinition<?, ?, M> definition;
    private final Measure<M> measure;
    private final PublicationSchedule schedule;
    private ProcessorContext<IndicatorKey, IndicatorValue> context;
    private KeyValueStore<String, M> sums;
    /**
     * Where the family reads its sums from memory: every sum this task has read or written, as in
     * the store (0 for absent). Writes still go to the store, which commits them with the input
     * offsets; reads come from here: a store read (key and value serdes, the record cache's
     * ordered map, metrics) was a fifth of the service's samples in a patent backfill
     * (docs/benchmarks.md). Only this processor writes the store.
     */
    private final Map<String, M> knownSums = new HashMap<>();
    private KeyValueStore<Integer, YearStatus> statuses;
    private KeyValueStore<String, String> ingestActivity;
    private PublishedIndicators published;
    /** The years of {@link #statuses} that are dirty, so that a record needs no scan to know. */
    private final SortedSet<Integer> dirtyYears = new TreeSet<>();
    private final TaskProgress progress;

    private YearAggregateProcessor(IndicatorDefinition<?, ?, M> definition, PublicationSchedule schedule) {
        this.definition = definition;
        this.measure = definition.measure();
        this.schedule = schedule;
        this.progress = new TaskProgress(TaskProgress.INDICATOR, definition.yearAggregates());
    }

    /**
     * The aggregate's stores are in memory, whatever {@code emi.indicator.state-stores} says of the
     * contributions: they hold a year's sums, status and published values, bounded by years × codes
     * × countries and not by the records read (about 100,000 entries for any size of release), so
     * they restore from their changelogs in a moment, and a RocksDB store cost a JNI write and a
     * memtable insert for every sum the record cache flushes at each commit (docs/benchmarks.md,
     * section 21).
     */
    public static <M> ProcessorSupplier<Integer, YearChanges<M>, IndicatorKey, IndicatorValue> supplier(
            IndicatorDefinition<?, ?, M> definition, PublicationSchedule schedule) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<Integer, YearChanges<M>, IndicatorKey, IndicatorValue> get() {
                return new YearAggregateProcessor<>(definition, schedule);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                // The record cache keeps each store's writes until the commit, once per key: a sum
                // touched by many records of a commit is written once.
                return Set.of(
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(definition.sumsStore()),
                                Serdes.String(), definition.measure().sumSerde()).withCachingEnabled(),
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(definition.statusStore()),
                                Serdes.Integer(), InternalSerdes.yearStatus()).withCachingEnabled(),
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(definition.publishedStore()),
                                Serdes.String(), definition.measure().publishedSerde()).withCachingEnabled());
            }
        };
    }

    @Override
    public void init(ProcessorContext<IndicatorKey, IndicatorValue> context) {
        this.context = context;
        this.sums = context.getStateStore(definition.sumsStore());
        knownSums.clear();
        this.ingestActivity = context.getStateStore(IngestActivity.STORE);
        this.statuses = context.getStateStore(definition.statusStore());
        this.published = new PublishedIndicators(context.getStateStore(definition.publishedStore()));
        dirtyYears.clear();
        try (KeyValueIterator<Integer, YearStatus> all = statuses.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.dirty()) {
                    dirtyYears.add(entry.key);
                }
            });
        }
        // The first punctuation writes the task's progress whatever it is: the task may be new here.
        progress.init(context);
        context.schedule(schedule.checkInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
            publishDueYears(now);
            reportProgress();
        });
    }

    @Override
    public void process(Record<Integer, YearChanges<M>> record) {
        YearChanges<M> changes = record.value();
        if (changes == null) {
            return;
        }
        for (Map.Entry<String, M> change : changes.changes().entrySet()) {
            String key = yearPrefix(changes.year()) + change.getKey();
            M sum = measure.canonical(measure.plus(sum(key), change.getValue()));
            if (definition.speed().sumsReadFromMemory()) {
                knownSums.put(key, sum);
            }
            if (measure.isZero(sum)) {
                // Absent means 0: a sum that returns to exactly 0 leaves no entry behind.
                sums.delete(key);
            } else {
                sums.put(key, sum);
            }
        }

        YearStatus before = statuses.get(changes.year());
        YearStatus status = before == null ? YearStatus.initial() : before;
        // The changes hold no zero change: any change moves a sum.
        if (!changes.changes().isEmpty()) {
            status = status.changedAt(context.currentSystemTimeMs());
        }
        if (changes.counts()) {
            status = status.withProvenance(changes.sourceRelease(), changes.concordanceVersion());
        } else if (!changes.changes().isEmpty()) {
            // Only removals: a tombstone names no release, the source's release ingested last removed it.
            String remover = IngestActivity.latestRelease(ingestActivity, definition.provenanceSource()).orElse(null);
            if (remover != null) {
                status = status.withProvenance(remover, status.concordanceVersion());
            }
        }
        if (!status.equals(before)) {
            statuses.put(changes.year(), status);
        }
        if (status.dirty() && dirtyYears.add(changes.year())) {
            // In the transaction of this record's offset: once it commits, the year is known pending.
            reportProgress();
        }
    }

    private void reportProgress() {
        progress.report(!dirtyYears.isEmpty(), "years " + dirtyYears + " wait for publication", null);
    }

    /** The sum under {@code key}, 0 when absent. */
    private M sum(String key) {
        if (!definition.speed().sumsReadFromMemory()) {
            return storedSum(key);
        }
        M known = knownSums.get(key);
        if (known == null) {
            known = storedSum(key);
            knownSums.put(key, known);
        }
        return known;
    }

    private M storedSum(String key) {
        M stored = sums.get(key);
        return stored == null ? measure.zero() : stored;
    }

    private void publishDueYears(long nowMs) {
        boolean sourceBusy = schedule.sourceBusy(ingestActivity, definition.provenanceSource());
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
        String prefix = yearPrefix(year);
        Map<String, M> yearSums = new LinkedHashMap<>();
        try (KeyValueIterator<String, M> entries = sums.prefixScan(prefix, PREFIX_SERIALIZER)) {
            entries.forEachRemaining(entry -> yearSums.put(entry.key.substring(prefix.length()), entry.value));
        }
        YearIndicators indicators = definition.indicators().apply(yearSums);
        Provenance provenance = new Provenance(
                Map.of(definition.provenanceSource(), Objects.requireNonNullElse(status.sourceRelease(), "")),
                Objects.requireNonNullElse(status.concordanceVersion(), ""));
        published.publish(year, indicators.points(), provenance, nowMs,
                record -> context.forward(record, definition.sinkNode()));

        if (indicators.anythingCounts()) {
            statuses.put(year, status.published());
        } else {
            statuses.delete(year);
        }
        dirtyYears.remove(year);
    }

    private static String yearPrefix(int year) {
        return year + SEPARATOR;
    }
}
