package eu.emistreams.indicator.topology;

import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A store that holds nothing: its use is that Kafka Streams calls it just before the task commits,
 * as it flushes its record caches (through {@link CachedStateStore#flushCache()}, the internal
 * interface of its caching layer, like {@link WriteBehindKeyValueStore}). A processor that
 * combines records between commits forwards what it combined from there, so that it joins the
 * transaction of the input offsets it was read under, exactly as a cached KTable forwards on flush.
 */
final class CommitHook implements StateStore, CachedStateStore<Void, Void> {

    private final String name;
    private Runnable beforeCommit = () -> { };
    private boolean open;

    private CommitHook(String name) {
        this.name = name;
    }

    /** The action to run before each commit of the task, on the task's thread. */
    void beforeCommit(Runnable action) {
        this.beforeCommit = action;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        // Registered so that the task's state manager knows it and calls flushCache(); nothing to restore.
        context.register(root, (key, value) -> { });
        open = true;
    }

    @Override
    public void flushCache() {
        beforeCommit.run();
    }

    @Override
    public void clearCache() {
        // Holds nothing.
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Void, Void> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public void flush() {
        // Holds nothing.
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return QueryResult.forUnknownQueryType(query, this);
    }

    @Override
    public Position getPosition() {
        return Position.emptyPosition();
    }

    static StoreBuilder<CommitHook> builder(String name) {
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<CommitHook> withCachingEnabled() {
                return this;
            }

            @Override
            public StoreBuilder<CommitHook> withCachingDisabled() {
                return this;
            }

            @Override
            public StoreBuilder<CommitHook> withLoggingEnabled(Map<String, String> config) {
                throw new UnsupportedOperationException("a commit hook holds nothing to log");
            }

            @Override
            public StoreBuilder<CommitHook> withLoggingDisabled() {
                return this;
            }

            @Override
            public CommitHook build() {
                return new CommitHook(name);
            }

            @Override
            public Map<String, String> logConfig() {
                return Map.of();
            }

            @Override
            public boolean loggingEnabled() {
                return false;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
