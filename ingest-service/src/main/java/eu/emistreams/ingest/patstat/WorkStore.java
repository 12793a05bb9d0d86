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
     *
     * <p>Consecutive rows of one application make one entry (a run, see {@link StoredRows}): a
     * release's 18 M rows become about 9 M entries, and the store's cost is per entry, both when
     * loading (a JNI call and a memtable insert each) and when scanning (half of the assembly).
     */
    final class RowWriter implements AutoCloseable {
        /** A run is cut at this many rows or bytes, so that no entry grows without bound. */
        private static final int MAX_RUN_ROWS = 256;
        private static final int MAX_RUN_BYTES = 64 << 10;

        private final RocksStore.Writer out = store.newWriter();
        private final ValueCodec.Writer values = new ValueCodec.Writer();
        private final ValueCodec.Writer run = new ValueCodec.Writer();
        private long runApplnId;
        private byte runTag;
        private long runFirstLine;
        private int runRows;

        void putAppln(StoredRows.Appln row) {
            startRow(row.applnId(), StoredRows.TAG_APPLN, row.line());
            row.appendTo(run);
        }

        void putLink(StoredRows.Link row) {
            startRow(row.applnId(), StoredRows.TAG_LINK, row.line());
            row.appendTo(run);
        }

        void putIpc(StoredRows.Ipc row) {
            startRow(row.applnId(), StoredRows.TAG_IPC, row.line());
            row.appendTo(run);
        }

        void putText(byte tag, StoredRows.Text row) {
            startRow(row.applnId(), tag, row.line());
            row.appendTo(run);
        }

        /** Continues the run with a row of the same application and table, or writes it out and starts one. */
        private void startRow(long applnId, byte tag, long line) {
            if (runRows > 0 && (applnId != runApplnId || tag != runTag || runRows == MAX_RUN_ROWS
                    || run.size() > MAX_RUN_BYTES)) {
                writeRun();
            }
            if (runRows == 0) {
                run.reset();
                runApplnId = applnId;
                runTag = tag;
                runFirstLine = line;
            }
            run.putLong(line);
            runRows++;
        }

        private void writeRun() {
            out.put(rows, StoredRows.rowKey(runApplnId, runTag, runFirstLine), run.toBytes());
            runRows = 0;
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
            if (runRows > 0) {
                writeRun();
            }
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
     * A scan over the runs of application rows in (appln_id, table, first line) order; several may
     * run at the same time. Sees what the loading writers wrote once they were closed.
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
