package eu.emistreams.query.serving;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.query.topology.IndicatorStoreKeySerde;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers a filter from the partitions of the {@code indicators} store held by this instance,
 * choosing the cheapest access: key lookups, prefix scans on the leading key fields, or a full scan.
 */
public final class LocalIndicatorQuery {

    private LocalIndicatorQuery() {
    }

    /** The matching rows of this store, sorted by {@link IndicatorRow#ORDER}. */
    public static List<IndicatorRow> run(ReadOnlyKeyValueStore<IndicatorKey, IndicatorValue> store, IndicatorFilter filter) {
        return run(store, filter, IndicatorRow::of, IndicatorRow.ORDER);
    }

    /** The matching entries of this store, each turned into an {@code R} by {@code toRow}, sorted by {@code order}. */
    public static <R> List<R> run(ReadOnlyKeyValueStore<IndicatorKey, IndicatorValue> store, IndicatorFilter filter,
            BiFunction<IndicatorKey, IndicatorValue, R> toRow, Comparator<? super R> order) {
        List<R> rows = new ArrayList<>();
        Consumer<KeyValue<IndicatorKey, IndicatorValue>> collect = entry -> {
            if (entry.value != null && filter.matches(entry.key)) {
                rows.add(toRow.apply(entry.key, entry.value));
            }
        };
        if (filter.isPointLookup()) {
            for (IndicatorKey key : filter.pointKeys()) {
                IndicatorValue value = store.get(key);
                if (value != null) {
                    rows.add(toRow.apply(key, value));
                }
            }
        } else if (!filter.scanPrefixes().isEmpty()) {
            for (List<String> leadingFields : filter.scanPrefixes()) {
                try (KeyValueIterator<IndicatorKey, IndicatorValue> entries = store.prefixScan(
                        IndicatorStoreKeySerde.prefix(leadingFields), IndicatorStoreKeySerde.prefixSerializer())) {
                    entries.forEachRemaining(collect);
                }
            }
        } else {
            try (KeyValueIterator<IndicatorKey, IndicatorValue> entries = store.all()) {
                entries.forEachRemaining(collect);
            }
        }
        rows.sort(order);
        return rows;
    }
}
