package eu.emistreams.indicator.topology;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.Provenance;
import eu.emistreams.indicator.calculation.DecimalYearSums;
import eu.emistreams.indicator.calculation.IndicatorPoint;
import java.math.BigDecimal;
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
 * Keeps the exact decimal sums of every year of its partitions for one trade, production or
 * investment source and publishes its indicators, as the patent aggregate does: each delta only
 * updates the sums it touches and marks its year dirty; a wall-clock punctuator recomputes the
 * dirty years that are due, forwards only the indicators whose value rounded to 9 decimals
 * changed, and a tombstone for each indicator that no longer exists.
 */
final class SumYearAggregateProcessor implements Processor<Integer, SumDelta, IndicatorKey, IndicatorValue> {

    private static final String SEPARATOR = "|";
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

    private final SourceIndicatorBranch<?> branch;
    private final PublicationSchedule schedule;
    private ProcessorContext<IndicatorKey, IndicatorValue> context;
    private KeyValueStore<String, BigDecimal> sums;
    private KeyValueStore<Integer, YearStatus> statuses;
    private KeyValueStore<String, String> ingestActivity;
    private KeyValueStore<String, BigDecimal> published;

    private SumYearAggregateProcessor(SourceIndicatorBranch<?> branch, PublicationSchedule schedule) {
        this.branch = branch;
        this.schedule = schedule;
    }

    static ProcessorSupplier<Integer, SumDelta, IndicatorKey, IndicatorValue> supplier(
            SourceIndicatorBranch<?> branch, PublicationSchedule schedule, StateStoreKind storeKind) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<Integer, SumDelta, IndicatorKey, IndicatorValue> get() {
                return new SumYearAggregateProcessor(branch, schedule);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                // The record cache keeps each store's writes until the commit, once per key (a
                // reporter's row count changes with each of its rows).
                return Set.of(
                        Stores.keyValueStoreBuilder(storeKind.keyValue(branch.sumsStore()),
                                Serdes.String(), InternalSerdes.decimal()).withCachingEnabled(),
                        Stores.keyValueStoreBuilder(storeKind.keyValue(branch.statusStore()),
                                Serdes.Integer(), InternalSerdes.yearStatus()).withCachingEnabled(),
                        Stores.keyValueStoreBuilder(storeKind.keyValue(branch.publishedStore()),
                                Serdes.String(), InternalSerdes.decimal()).withCachingEnabled());
            }
        };
    }

    @Override
    public void init(ProcessorContext<IndicatorKey, IndicatorValue> context) {
        this.context = context;
        this.sums = context.getStateStore(branch.sumsStore());
        this.ingestActivity = context.getStateStore(IngestActivity.STORE);
        this.statuses = context.getStateStore(branch.statusStore());
        this.published = context.getStateStore(branch.publishedStore());
        context.schedule(schedule.checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::publishDueYears);
    }

    @Override
    public void process(Record<Integer, SumDelta> record) {
        SumDelta delta = record.value();
        if (delta == null) {
            return;
        }
        for (Map.Entry<String, BigDecimal> change : delta.changes().entrySet()) {
            String key = yearPrefix(delta.year()) + change.getKey();
            BigDecimal previous = sums.get(key);
            BigDecimal sum = previous == null ? change.getValue() : previous.add(change.getValue());
            if (sum.signum() == 0) {
                // Absent means 0: a sum that returns to exactly 0 leaves no entry behind.
                sums.delete(key);
            } else {
                sums.put(key, sum.stripTrailingZeros());
            }
        }

        YearStatus before = statuses.get(delta.year());
        YearStatus status = before == null ? YearStatus.initial() : before;
        if (!delta.changes().isEmpty()) {
            status = status.changedAt(context.currentSystemTimeMs());
        }
        if (delta.counts()) {
            status = status.withProvenance(delta.sourceRelease(), delta.concordanceVersion());
        }
        if (!status.equals(before)) {
            statuses.put(delta.year(), status);
        }
    }

    private void publishDueYears(long nowMs) {
        boolean sourceBusy = schedule.sourceBusy(ingestActivity, branch.provenanceSource());
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
        DecimalYearSums yearSums = new DecimalYearSums();
        try (KeyValueIterator<String, BigDecimal> entries = sums.prefixScan(prefix, PREFIX_SERIALIZER)) {
            entries.forEachRemaining(entry -> yearSums.put(entry.key.substring(prefix.length()), entry.value));
        }
        Map<String, BigDecimal> previous = new HashMap<>();
        try (KeyValueIterator<String, BigDecimal> entries = published.prefixScan(prefix, PREFIX_SERIALIZER)) {
            entries.forEachRemaining(entry -> previous.put(entry.key, entry.value));
        }

        Provenance provenance = new Provenance(
                Map.of(branch.provenanceSource(), Objects.requireNonNullElse(status.sourceRelease(), "")),
                Objects.requireNonNullElse(status.concordanceVersion(), ""));
        for (IndicatorPoint point : branch.indicators().apply(yearSums)) {
            String key = prefix + point.code() + SEPARATOR + point.country() + SEPARATOR + point.indicator();
            BigDecimal rounded = point.value().rounded();
            BigDecimal before = previous.remove(key);
            if (before == null || before.compareTo(rounded) != 0) {
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

        if (yearSums.isEmpty()) {
            statuses.delete(year);
        } else {
            statuses.put(year, status.published());
        }
    }

    private static String yearPrefix(int year) {
        return year + SEPARATOR;
    }
}
