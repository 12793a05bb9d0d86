package eu.emistreams.ingest.patstat;

import eu.emistreams.ingest.store.OrderedKeys;
import eu.emistreams.ingest.store.RocksStore;
import eu.emistreams.ingest.store.ValueCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * The on-disk join of one PATSTAT release: every row loaded, keyed so that a single ordered scan
 * assembles the applications one by one. Lives under the ingest state directory for the length
 * of one job and is deleted after it.
 */
final class WorkStore implements AutoCloseable {

    /** How a person ended up used, for counting tls206 rows; bit flags, a higher value wins. */
    static final byte USED_BY_QUALITY = 1;
    static final byte USED_BY_PUBLISHED = 2;

    private static final String ROWS = "rows";
    private static final String PERSONS = "persons";
    private static final String PERSON_USE = "person-use";
    private static final String REJECTS = "rejects";
    private static final byte[] EMPTY = new byte[0];

    private final RocksStore store;
    private final ColumnFamilyHandle rows;
    private final ColumnFamilyHandle persons;
    private final ColumnFamilyHandle personUse;
    private final ColumnFamilyHandle rejects;
    private final ValueCodec.Writer writer = new ValueCodec.Writer();

    /** A row rejected while loading, kept until publishing may start. */
    record BufferedReject(String file, long line, String reason, String content) {
    }

    WorkStore(Path directory, long memoryBytes) throws IOException {
        RocksStore.delete(directory);
        // Only persons are read while loading (a person_id seen twice): the rest is written blind,
        // then scanned once.
        store = RocksStore.open(directory, List.of(ROWS, PERSONS, PERSON_USE, REJECTS), memoryBytes, false,
                List.of(PERSONS), List.of(ROWS, PERSON_USE, REJECTS));
        rows = store.family(ROWS);
        persons = store.family(PERSONS);
        personUse = store.family(PERSON_USE);
        rejects = store.family(REJECTS);
    }

    /**
     * Buffers the rows of one table being loaded; one per loading thread, so that tables load at
     * the same time. Closing it writes out what it buffered.
     */
    final class RowWriter implements AutoCloseable {
        private final RocksStore.Writer out = store.newWriter();
        private final ValueCodec.Writer values = new ValueCodec.Writer();

        void putAppln(StoredRows.Appln row) {
            out.put(rows, StoredRows.rowKey(row.applnId(), StoredRows.TAG_APPLN, row.line()), row.value(values));
        }

        void putLink(StoredRows.Link row) {
            out.put(rows, StoredRows.rowKey(row.applnId(), StoredRows.TAG_LINK, row.line()), row.value(values));
        }

        void putIpc(StoredRows.Ipc row) {
            out.put(rows, StoredRows.rowKey(row.applnId(), StoredRows.TAG_IPC, row.line()), row.value(values));
        }

        void putText(byte tag, StoredRows.Text row) {
            out.put(rows, StoredRows.rowKey(row.applnId(), tag, row.line()), row.value(values));
        }

        /** Keeps a row rejected while loading; rejects come out in (table, line) order. */
        void bufferReject(PatstatTable table, String file, long line, String reason, String content) {
            byte[] key = new byte[9];
            key[0] = (byte) table.ordinal();
            OrderedKeys.put(key, 1, line);
            out.put(rejects, key, values.reset().putString(file).putLong(line).putString(reason).putString(content).toBytes());
        }

        @Override
        public void close() {
            out.close();
        }
    }

    RowWriter rowWriter() {
        return new RowWriter();
    }

    void putPerson(StoredRows.Person row) {
        store.put(persons, OrderedKeys.of(row.personId()), row.value(writer));
    }

    /** The person, or null when tls206 has no such person_id. */
    StoredRows.Person person(long personId) {
        byte[] value = store.get(persons, OrderedKeys.of(personId));
        return value == null ? null : StoredRows.Person.decode(personId, value);
    }

    void markPersonUse(long personId, byte use) {
        byte[] key = new byte[9];
        OrderedKeys.put(key, 0, personId);
        key[8] = use;
        store.put(personUse, key, EMPTY);
    }

    /** Writes out what the store's own writer buffered (persons and their uses). */
    void flushWrites() {
        store.flushWrites();
    }

    void forEachReject(Consumer<BufferedReject> action) {
        store.flushWrites();
        try (RocksIterator it = store.scan(rejects)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                ValueCodec.Reader in = new ValueCodec.Reader(it.value());
                action.accept(new BufferedReject(in.getString(), in.getLong(), in.getString(), in.getString()));
            }
        }
    }

    /**
     * A scan over the application rows in (appln_id, table, line) order; several may run at the
     * same time. Sees what the loading writers wrote once they were closed.
     */
    RocksIterator scanRows() {
        return store.scan(rows);
    }

    /** Calls the counter with every stored person's highest use: two ordered scans merged. */
    void forEachPersonUse(Persons.UseCounter counter) {
        store.flushWrites();
        try (RocksIterator persons = store.scan(this.persons); RocksIterator uses = store.scan(personUse)) {
            uses.seekToFirst();
            for (persons.seekToFirst(); persons.isValid(); persons.next()) {
                long personId = OrderedKeys.get(persons.key(), 0);
                byte highest = 0;
                while (uses.isValid() && OrderedKeys.get(uses.key(), 0) < personId) {
                    uses.next();
                }
                while (uses.isValid() && OrderedKeys.get(uses.key(), 0) == personId) {
                    highest = (byte) Math.max(highest, uses.key()[8]);
                    uses.next();
                }
                counter.person(highest);
            }
        }
    }

    @Override
    public void close() {
        Path directory = store.directory();
        store.close();
        RocksStore.delete(directory);
    }
}
