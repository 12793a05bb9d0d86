package eu.emistreams.ingest.keyed;

import eu.emistreams.ingest.store.OrderedKeys;
import eu.emistreams.ingest.store.RocksStore;
import eu.emistreams.ingest.store.ValueCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * The on-disk staging of one release of a keyed source: its events by natural key (one per key,
 * the first row wins), the rows it rejected until publishing may start, and any further column
 * families a source needs for its join. Lives under the ingest state directory for the length of
 * one job and is deleted after it; memory stays bounded whatever the release's size.
 */
public final class KeyedWorkStore implements AutoCloseable {

    private static final String EVENTS = "events";
    private static final String REJECTS = "rejects";

    private final RocksStore store;
    private final ColumnFamilyHandle events;
    private final ColumnFamilyHandle rejects;
    private final ValueCodec.Writer writer = new ValueCodec.Writer();
    private long rejectSequence;

    /** An event as staged: where its row was, and its Avro binary. */
    public record Staged(String origin, byte[] avro) {
    }

    /** A row rejected while reading, kept until publishing may start. */
    public record BufferedReject(String file, long line, String reason, String content) {
    }

    /** @param extraFamilies column families of the source's own, reached through {@link #family} */
    public KeyedWorkStore(Path directory, long memoryBytes, List<String> extraFamilies) throws IOException {
        RocksStore.delete(directory);
        List<String> families = new ArrayList<>(List.of(EVENTS, REJECTS));
        families.addAll(extraFamilies);
        store = RocksStore.open(directory, families, memoryBytes, false);
        events = store.family(EVENTS);
        rejects = store.family(REJECTS);
    }

    /**
     * Stages an event under its key unless the key has one already.
     *
     * @param origin where the row was ({@code file line n}), named when a later row repeats the key
     * @return null when staged, else the origin of the event that holds the key
     */
    public String stage(byte[] key, String origin, byte[] avro) {
        byte[] existing = store.get(events, key);
        if (existing != null) {
            return decode(existing).origin();
        }
        store.put(events, key, writer.reset().putString(origin).putBytes(avro).toBytes());
        return null;
    }

    public static Staged decode(byte[] value) {
        ValueCodec.Reader in = new ValueCodec.Reader(value);
        return new Staged(in.getString(), in.getBytes());
    }

    /** A scan over the staged events in key order (unsigned bytewise, as the release diff wants). */
    public RocksIterator scanEvents() {
        store.flushWrites();
        return store.scan(events);
    }

    public void bufferReject(String file, long line, String reason, String content) {
        byte[] value = writer.reset().putString(file).putLong(line).putString(reason).putString(content).toBytes();
        store.put(rejects, OrderedKeys.of(rejectSequence++), value);
    }

    public void forEachReject(Consumer<BufferedReject> action) {
        store.flushWrites();
        try (RocksIterator it = store.scan(rejects)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                ValueCodec.Reader in = new ValueCodec.Reader(it.value());
                action.accept(new BufferedReject(in.getString(), in.getLong(), in.getString(), in.getString()));
            }
        }
    }

    /** A column family of the source's own. */
    public ColumnFamilyHandle family(String name) {
        return store.family(name);
    }

    public void put(ColumnFamilyHandle family, byte[] key, byte[] value) {
        store.put(family, key, value);
    }

    /** The value, or null; sees writes not yet flushed. */
    public byte[] get(ColumnFamilyHandle family, byte[] key) {
        return store.get(family, key);
    }

    /** A scan over a family in key order; sees what was written before the call. */
    public RocksIterator scan(ColumnFamilyHandle family) {
        store.flushWrites();
        return store.scan(family);
    }

    public void flushWrites() {
        store.flushWrites();
    }

    @Override
    public void close() {
        Path directory = store.directory();
        store.close();
        RocksStore.delete(directory);
    }
}
