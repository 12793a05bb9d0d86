package eu.emistreams.ingest.keyed;

import eu.emistreams.ingest.diff.ContentDigest;
import eu.emistreams.ingest.diff.DigestState;
import eu.emistreams.ingest.diff.ReleaseDiff;
import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.RecordAccounting;
import eu.emistreams.ingest.publish.EventSink;
import eu.emistreams.ingest.publish.RunPublications;
import eu.emistreams.ingest.source.CsvRow;
import eu.emistreams.ingest.source.CsvTable;
import eu.emistreams.ingest.source.TableFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.rocksdb.RocksIterator;

/**
 * One ingest of one release of a source whose rows become events under a natural key (Comtrade,
 * Prodcom, Crunchbase): files → rules per row → staged events by key (work store) → diff against
 * the previous release → publish. The same semantics as PATSTAT (indicators.md §4, §8): every
 * file is read to its end before anything but the RUNNING report is published; new and changed
 * keys are published, unchanged ones are not, keys of the previous release that are missing get a
 * tombstone; the digests of this release are committed only after Kafka acknowledged everything.
 *
 * <p>A subclass finds its files, reads them with {@link #readRows} and gives each row its
 * outcome with {@link #apply}; a key that a row repeats is the later row's rejection
 * ({@code rejected.duplicate_key}).
 */
public abstract class KeyedIngestRun<T extends SpecificRecord> {

    /** Rows counted per call to the shared accounting, to keep its lock out of the row loop. */
    private static final int READ_COUNT_STEP = 10_000;

    protected final IngestJob job;
    protected final RecordAccounting accounting;
    private final String topic;
    private final Class<T> type;
    private final Path sourceStateDirectory;
    private final EventSink sink;
    private final long storeMemoryBytes;
    private final RunPublications publications;
    private final AvroBinary<T> codec;
    private KeyedWorkStore store;

    /**
     * @param source the source's name (reject and report keys)
     * @param topic where the events go
     * @param sourceStateDirectory this source's own directory under the ingest state directory
     */
    protected KeyedIngestRun(String source, String topic, Class<T> type, IngestJob job, Path sourceStateDirectory,
            EventSink sink, long storeMemoryBytes) {
        this.topic = topic;
        this.type = type;
        this.job = job;
        this.accounting = job.accounting();
        this.sourceStateDirectory = sourceStateDirectory;
        this.sink = sink;
        this.storeMemoryBytes = storeMemoryBytes;
        this.publications = new RunPublications(source, job, sink);
        this.codec = new AvroBinary<>(type);
    }

    /** Finds the release's files and checks their headers; fails naming the file and the reason. */
    protected abstract List<TableFile> locate() throws IOException;

    /** Reads the files, giving every row its outcome. */
    protected abstract void load(List<TableFile> files) throws IOException;

    /** Sets the event's {@code sourceRelease}. */
    protected abstract void setRelease(T event, String release);

    /** Column families the source needs beside the staged events. */
    protected List<String> extraFamilies() {
        return List.of();
    }

    /** Counts what can only be counted once every row is read (Crunchbase organizations). */
    protected void finishAccounting() {
    }

    protected final KeyedWorkStore store() {
        return store;
    }

    public final void run() throws Exception {
        publications.reported(this::ingest);
    }

    private void ingest() throws Exception {
        job.phase("checking files");
        List<TableFile> files = locate();
        long total = 0;
        for (TableFile file : files) {
            total += file.size();
        }
        job.bytesTotal(total);

        try (KeyedWorkStore work = new KeyedWorkStore(sourceStateDirectory.resolve("work"), storeMemoryBytes,
                extraFamilies())) {
            store = work;
            load(files);
            // Every file has been read to its end: from here on the run publishes.
            try (DigestState digests = DigestState.open(sourceStateDirectory.resolve("state"), job.release())) {
                if (job.release().equals(digests.previousRelease())) {
                    publications.withholdRejects();
                }
                job.phase("publishing rejected rows");
                work.forEachReject(reject -> publications.reject(reject.file(), reject.line(), reject.reason(),
                        reject.content()));
                job.phase("publishing " + topic);
                publishEvents(digests);
                finishAccounting();
                RecordAccounting.Snapshot counts = accounting.snapshot();
                if (!counts.balanced()) {
                    throw new IllegalStateException("the record accounting does not add up (read " + counts.read()
                            + ", published " + counts.published() + ", ignored " + counts.ignored() + ", quality "
                            + counts.quality() + ", rejected " + counts.rejected() + "); nothing committed");
                }
                job.phase("waiting for Kafka to acknowledge");
                sink.flush();
                job.phase("committing");
                digests.commit(job.release());
            }
        } finally {
            store = null;
        }
    }

    private void publishEvents(DigestState digests) {
        ContentDigest<T> digester = new ContentDigest<>(type);
        try (ReleaseDiff diff = new ReleaseDiff(digests, retractedKey -> {
            sink.send(topic, new String(retractedKey, StandardCharsets.UTF_8), null);
            accounting.eventRetracted();
        }); RocksIterator it = store.scanEvents()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] key = it.key();
                KeyedWorkStore.Staged staged = KeyedWorkStore.decode(it.value());
                // The staged bytes have a blank sourceRelease: the digest compares content only.
                ReleaseDiff.Change change = diff.offer(key, digester.ofEncoded(staged.avro()));
                if (change == ReleaseDiff.Change.UNCHANGED) {
                    accounting.eventUnchanged();
                    continue;
                }
                T event = codec.decode(staged.avro());
                setRelease(event, job.release());
                sink.send(topic, new String(key, StandardCharsets.UTF_8), event);
                accounting.eventChanged();
            }
            diff.finish();
        }
    }

    /** Handles one row of a file; rows with a wrong field count never reach it. */
    @FunctionalInterface
    protected interface RowHandler {
        void row(TableFile file, CsvRow row) throws IOException;
    }

    /**
     * Reads one file to its end, counting its rows as {@code read.<table>} and rejecting rows whose
     * field count differs from the header's ({@code rejected.malformed_row}).
     */
    protected final void readRows(TableFile file, Collection<String> requiredColumns, RowHandler handler)
            throws IOException {
        job.phase("reading " + file.fileName());
        long bytesBefore = job.bytesRead().get();
        long pendingReads = 0;
        try (CsvTable csv = CsvTable.open(file, requiredColumns, job.bytesRead())) {
            CsvRow row;
            while ((row = csv.next()) != null) {
                job.rowsRead().incrementAndGet();
                if (++pendingReads == READ_COUNT_STEP) {
                    accounting.read(file.table(), pendingReads);
                    pendingReads = 0;
                }
                if (!row.consistent()) {
                    reject(file, row, "malformed_row", "the row has " + row.size() + " fields where the header has "
                            + csv.header().size());
                    continue;
                }
                handler.row(file, row);
            }
        } finally {
            accounting.read(file.table(), pendingReads);
        }
        // A zip's central directory is never read: count the file as read in full once done.
        job.bytesRead().set(bytesBefore + file.size());
        store.flushWrites();
    }

    /** Gives a row its outcome: staged under its key, counted, or rejected. */
    protected final void apply(TableFile file, CsvRow row, RowOutcome<T> outcome) {
        // Java 17: no pattern matching in switch yet.
        if (outcome instanceof RowOutcome.Publish<T> publish) {
            if (stage(file, row, publish.key(), publish.event())) {
                publish.notes().forEach(note -> accounting.note(note, 1));
            }
        } else if (outcome instanceof RowOutcome.Ignore<T> ignore) {
            accounting.ignored(ignore.reason(), 1);
        } else if (outcome instanceof RowOutcome.Quality<T> quality) {
            accounting.quality(quality.reason(), 1);
        } else if (outcome instanceof RowOutcome.Reject<T> reject) {
            reject(file, row, reject.detail(), reject.explanation());
        }
    }

    /**
     * Stages an event under its natural key, or rejects the row when an earlier row holds the key.
     *
     * @return whether the row was staged (and counted as published)
     */
    protected final boolean stage(TableFile file, CsvRow row, String key, T event) {
        setRelease(event, "");
        String holder = store.stage(key.getBytes(StandardCharsets.UTF_8), file.fileName() + " line " + row.line(),
                codec.encode(event));
        if (holder != null) {
            reject(file, row, "duplicate_key", "key " + key + " appears more than once (first in " + holder + ")");
            return false;
        }
        accounting.published(1);
        return true;
    }

    protected final void reject(TableFile file, CsvRow row, String detail, String explanation) {
        accounting.rejected(detail);
        store.bufferReject(file.fileName(), row.line(), detail + ": " + explanation, row.content());
    }
}
