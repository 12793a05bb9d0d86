package eu.emistreams.indicator.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A key-value store whose writes wait, as objects, in a map until the task commits, and then go
 * to the store beneath it (changelog and RocksDB or memory) once per key, whatever the number of
 * writes in between. It takes the place of Kafka Streams' record cache for stores whose keys are
 * written many times between two commits: the yearly sums, where each application updates several
 * sums and {@code year|*|country} is written by every application of that country and year. The record cache
 * serialises every write and keeps it in an ordered map of bytes; that was a quarter of the
 * indicator service's samples in a backfill (docs/benchmarks.md).
 *
 * <p>Writes are flushed exactly where Kafka Streams flushes its own record caches: before the
 * task's changelog records and input offsets are committed in one transaction. Kafka Streams asks
 * the stores it registered for that through {@link CachedStateStore#flushCache()} (an internal
 * interface of {@code kafka-streams}, the one its caching layer implements); this store registers
 * itself as the root of the stores beneath it, so it is the one asked. A store read in order
 * (range, prefix, all) first writes what is pending, so iterators see every write.
 *
 * <p>The pending writes belong to the task's thread. Any other thread (an interactive query)
 * reads the store beneath, as the last commit left it, and never the pending writes.
 */
final class WriteBehindKeyValueStore<K, V> implements KeyValueStore<K, V>, CachedStateStore<K, V> {

    private final KeyValueStore<K, V> beneath;
    /** Writes not yet passed beneath, by key; a null value is a deletion. */
    private final Map<K, V> pending = new HashMap<>();
    /**
     * The thread that wrote last: the task's processing thread, whichever thread initialised the
     * store. Only that thread needs to see its own write of this field; any other thread sees a
     * thread other than itself, or null, and so reads the last commit.
     */
    private Thread taskThread;

    WriteBehindKeyValueStore(KeyValueStore<K, V> beneath) {
        this.beneath = beneath;
    }

    /**
     * Builds the store from a builder of the store beneath it, which must log to a changelog and
     * must not cache (this store is the cache).
     */
    static <K, V> StoreBuilder<KeyValueStore<K, V>> builder(StoreBuilder<KeyValueStore<K, V>> beneath) {
        return new Builder<>(beneath.withCachingDisabled());
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        pending.clear();
        beneath.init(context, root);
    }

    @Override
    public V get(K key) {
        if (onTaskThread() && pending.containsKey(key)) {
            return pending.get(key);
        }
        return beneath.get(key);
    }

    @Override
    public void put(K key, V value) {
        taskThread = Thread.currentThread();
        pending.put(key, value);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(K key) {
        taskThread = Thread.currentThread();
        V current = get(key);
        pending.put(key, null);
        return current;
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        writePendingForOrderedRead();
        return beneath.range(from, to);
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        writePendingForOrderedRead();
        return beneath.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        writePendingForOrderedRead();
        return beneath.all();
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        writePendingForOrderedRead();
        return beneath.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        writePendingForOrderedRead();
        return beneath.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return beneath.approximateNumEntries() + pending.size();
    }

    /** Called by Kafka Streams before it commits the task: the pending writes join the transaction. */
    @Override
    public void flushCache() {
        writePending();
    }

    /** Called when the store beneath may have been written directly (restoration): nothing pending is valid. */
    @Override
    public void clearCache() {
        pending.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
        // Nothing is forwarded on flush: the processor publishes on its own schedule.
        return false;
    }

    /**
     * Called after the commit (checkpoints): what is pending then belongs to the next transaction,
     * so it stays pending; {@link #flushCache()} wrote this commit's writes.
     */
    @Override
    public void flush() {
        beneath.flush();
    }

    @Override
    public void close() {
        // Pending writes of a task closed without a commit belong to an aborted transaction.
        pending.clear();
        beneath.close();
    }

    private boolean onTaskThread() {
        return Thread.currentThread() == taskThread;
    }

    /** Before an ordered read: the task's own reads see its writes; other threads see the last commit. */
    private void writePendingForOrderedRead() {
        if (onTaskThread()) {
            writePending();
        }
    }

    private void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        for (Map.Entry<K, V> write : pending.entrySet()) {
            if (write.getValue() == null) {
                beneath.delete(write.getKey());
            } else {
                beneath.put(write.getKey(), write.getValue());
            }
        }
        pending.clear();
    }

    @Override
    public String name() {
        return beneath.name();
    }

    @Override
    public boolean persistent() {
        return beneath.persistent();
    }

    @Override
    public boolean isOpen() {
        return beneath.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return beneath.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return beneath.getPosition();
    }

    private record Builder<K, V>(StoreBuilder<KeyValueStore<K, V>> beneath)
            implements StoreBuilder<KeyValueStore<K, V>> {

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withCachingEnabled() {
            throw new UnsupportedOperationException("a write-behind store is its own cache");
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withLoggingEnabled(Map<String, String> config) {
            return new Builder<>(beneath.withLoggingEnabled(config));
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withLoggingDisabled() {
            // Without a changelog a crash would lose what the transaction committed with the offsets.
            throw new UnsupportedOperationException("a write-behind store needs its changelog");
        }

        @Override
        public KeyValueStore<K, V> build() {
            return new WriteBehindKeyValueStore<>(beneath.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return beneath.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return beneath.loggingEnabled();
        }

        @Override
        public String name() {
            return beneath.name();
        }
    }
}
