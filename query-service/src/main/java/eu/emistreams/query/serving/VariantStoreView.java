package eu.emistreams.query.serving;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.VariantIndicatorKey;
import eu.emistreams.query.topology.IndicatorStoreKeySerde;
import eu.emistreams.query.topology.VariantStoreKeySerde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One variant's values of the {@code variant-indicators} store seen as an {@code indicators} store,
 * so that {@link LocalIndicatorQuery} answers a filter under a variant by the very lookups and
 * prefix scans it uses for the rules in force. Only the reads that query makes are supported.
 */
public final class VariantStoreView implements ReadOnlyKeyValueStore<IndicatorKey, IndicatorValue> {

    private final ReadOnlyKeyValueStore<VariantIndicatorKey, IndicatorValue> store;
    private final String variant;

    public VariantStoreView(ReadOnlyKeyValueStore<VariantIndicatorKey, IndicatorValue> store, String variant) {
        this.store = store;
        this.variant = variant;
    }

    @Override
    public IndicatorValue get(IndicatorKey key) {
        return store.get(new VariantIndicatorKey(variant, key.getIndicator(), key.getCountry(), key.getCode(), key.getYear()));
    }

    /** {@code prefix} must be encoded as {@link IndicatorStoreKeySerde#prefix} encodes it. */
    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<IndicatorKey, IndicatorValue> prefixScan(P prefix,
            PS prefixKeySerializer) {
        byte[] indicatorPrefix = prefixKeySerializer.serialize(null, prefix);
        return new Unwrapped(store.prefixScan(VariantStoreKeySerde.prefix(variant, indicatorPrefix),
                IndicatorStoreKeySerde.prefixSerializer()));
    }

    @Override
    public KeyValueIterator<IndicatorKey, IndicatorValue> all() {
        return new Unwrapped(store.prefixScan(VariantStoreKeySerde.variantPrefix(variant),
                IndicatorStoreKeySerde.prefixSerializer()));
    }

    @Override
    public KeyValueIterator<IndicatorKey, IndicatorValue> range(IndicatorKey from, IndicatorKey to) {
        throw new UnsupportedOperationException("the indicator queries make no range reads");
    }

    @Override
    public long approximateNumEntries() {
        return store.approximateNumEntries();
    }

    /** The variant's keys without their variant. */
    private static final class Unwrapped implements KeyValueIterator<IndicatorKey, IndicatorValue> {

        private final KeyValueIterator<VariantIndicatorKey, IndicatorValue> entries;

        Unwrapped(KeyValueIterator<VariantIndicatorKey, IndicatorValue> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        public KeyValue<IndicatorKey, IndicatorValue> next() {
            KeyValue<VariantIndicatorKey, IndicatorValue> entry = entries.next();
            return KeyValue.pair(unwrap(entry.key), entry.value);
        }

        @Override
        public IndicatorKey peekNextKey() {
            return unwrap(entries.peekNextKey());
        }

        @Override
        public void close() {
            entries.close();
        }

        private static IndicatorKey unwrap(VariantIndicatorKey key) {
            return new IndicatorKey(key.getIndicator(), key.getCountry(), key.getCode(), key.getYear());
        }
    }
}
