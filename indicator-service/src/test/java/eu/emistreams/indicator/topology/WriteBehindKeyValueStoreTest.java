package eu.emistreams.indicator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the writing thread and any other thread (an interactive query) see of a write-behind store. */
class WriteBehindKeyValueStoreTest {

    private KeyValueStore<String, Long> store;

    @BeforeEach
    void open() {
        // The changelog is the topology tests' concern (PatentIndicatorTopologyTest); here only the store.
        KeyValueStore<String, Long> beneath = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("sums"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().withCachingDisabled().build();
        store = new WriteBehindKeyValueStore<>(beneath);
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theWritingThreadSeesItsWritesOtherThreadsTheLastFlush() {
        store.put("a", 1L);
        store.put("b", 2L);
        store.put("a", 3L);
        store.delete("b");

        assertEquals(3L, store.get("a"));
        assertNull(store.get("b"));
        assertNull(onAnotherThread(() -> store.get("a")), "not flushed yet");
        assertEquals(List.of(), onAnotherThread(() -> all(store)));

        ((WriteBehindKeyValueStore<String, Long>) store).flushCache();
        assertEquals(3L, onAnotherThread(() -> store.get("a")));
        assertEquals(List.of(KeyValue.pair("a", 3L)), onAnotherThread(() -> all(store)));
    }

    @Test
    void anOrderedReadOfTheWritingThreadSeesEveryWrite() {
        store.put("b", 2L);
        store.put("a", 1L);
        assertEquals(List.of(KeyValue.pair("a", 1L), KeyValue.pair("b", 2L)), all(store));
        store.delete("a");
        assertEquals(List.of(KeyValue.pair("b", 2L)), all(store));
    }

    @Test
    void clearingTheCacheDropsWhatWasNeverFlushed() {
        store.put("a", 1L);
        ((WriteBehindKeyValueStore<String, Long>) store).clearCache();
        assertNull(store.get("a"));
    }

    private static List<KeyValue<String, Long>> all(KeyValueStore<String, Long> store) {
        List<KeyValue<String, Long>> entries = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = store.all()) {
            all.forEachRemaining(entries::add);
        }
        return entries;
    }

    private static <T> T onAnotherThread(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, runnable -> new Thread(runnable).start()).join();
    }
}
