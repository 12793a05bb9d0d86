package eu.emistreams.indicator.store;

import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the topology keeps its state. Both are backed by changelog topics; RocksDB keeps state on
 * disk across restarts and beyond the heap, in-memory restores it from the changelogs at start but
 * avoids the RocksDB flush that every commit triggers (slow on a busy disk).
 */
public enum StateStoreKind {
    ROCKSDB,
    IN_MEMORY;

    public KeyValueBytesStoreSupplier keyValue(String name) {
        return this == ROCKSDB ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }
}
