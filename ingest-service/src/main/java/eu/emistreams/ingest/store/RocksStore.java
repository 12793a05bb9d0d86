package eu.emistreams.ingest.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * A RocksDB database with named column families and bounded native memory: memtables and the
 * block cache share one budget, so a release of any size runs in the same footprint, on disk.
 * Writes are batched, {@value #BATCH_OPERATIONS} operations at a time. A family opened as
 * read-your-writes buffers in an indexed batch that point reads see before it is written; the
 * others buffer in a plain batch, which keeps no skip list (profiled: the indexed batch's puts
 * were a fifth of a PATSTAT load's samples), and a point read of such a family writes the batch
 * out first. Scans see only what {@link #flushWrites()} wrote. Threads loading at the same time
 * each take a {@link #newWriter() writer} of their own.
 */
public final class RocksStore implements AutoCloseable {

    private static final int BATCH_OPERATIONS = 10_000;

    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final LRUCache cache;
    private final BloomFilter bloomFilter;
    private final WriteBufferManager writeBufferManager;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions familyOptions;
    private final ColumnFamilyOptions scanOnceOptions;
    private final WriteOptions writeOptions;
    private final ReadOptions scanOptions;
    private final RocksDB db;
    private final Map<String, ColumnFamilyHandle> families = new LinkedHashMap<>();
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final ReadOptions pointReadOptions;
    // By identity: a handle's hashCode asks RocksDB for the family's name (a JNI call per write).
    private final java.util.Set<ColumnFamilyHandle> readYourWrites =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Writer writer = new Writer();

    private RocksStore(Path directory, List<String> familyNames, long memoryBytes, boolean durable,
            java.util.Collection<String> readYourWritesFamilies, java.util.Collection<String> scanOnceFamilies)
            throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        cache = new LRUCache(memoryBytes);
        // Memtables are charged to the cache, so the whole store stays within memoryBytes.
        writeBufferManager = new WriteBufferManager(memoryBytes / 2, cache);
        dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(2)
                .setWriteBufferManager(writeBufferManager)
                .setMaxOpenFiles(256);
        bloomFilter = new BloomFilter(10, false);
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setBlockSize(16 * 1024)
                .setFilterPolicy(bloomFilter)
                .setCacheIndexAndFilterBlocks(true);
        familyOptions = new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                .setWriteBufferSize(Math.min(64L << 20, memoryBytes / 4))
                .setMaxWriteBufferNumber(3)
                .setTargetFileSizeBase(64L << 20)
                .setLevelCompactionDynamicLevelBytes(true)
                .setCompressionType(CompressionType.LZ4_COMPRESSION);
        // A family written once and then scanned once is never compacted nor compressed: the scan
        // merges the flushed files as they are. Compaction rewrote a PATSTAT join's rows once or
        // twice on the core the table loads need (docs/benchmarks.md).
        scanOnceOptions = new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                .setWriteBufferSize(Math.min(64L << 20, memoryBytes / 4))
                .setMaxWriteBufferNumber(3)
                .setCompressionType(CompressionType.NO_COMPRESSION)
                .setDisableAutoCompactions(true)
                .setLevel0SlowdownWritesTrigger(Integer.MAX_VALUE)
                .setLevel0StopWritesTrigger(Integer.MAX_VALUE)
                .setSoftPendingCompactionBytesLimit(0)
                .setHardPendingCompactionBytesLimit(0);
        // A work store is rebuilt from the files after a crash: no write-ahead log. The digest
        // state must survive one, so it keeps the log and syncs on commit.
        writeOptions = new WriteOptions().setDisableWAL(!durable);
        // One read-ahead buffer per file: a scan-once family merges tens of uncompacted files.
        scanOptions = new ReadOptions().setFillCache(false).setReadaheadSize(512L << 10);
        pointReadOptions = new ReadOptions();
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions));
        for (String name : familyNames) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    scanOnceFamilies.contains(name) ? scanOnceOptions : familyOptions));
        }
        try {
            db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            closeOptions();
            throw new IOException("cannot open the store in " + directory + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < familyNames.size(); i++) {
            families.put(familyNames.get(i), handles.get(i + 1));
            if (readYourWritesFamilies.contains(familyNames.get(i))) {
                readYourWrites.add(handles.get(i + 1));
            }
        }
    }

    /** Opens (or creates) a store with the given column families, every one read-your-writes. */
    public static RocksStore open(Path directory, List<String> familyNames, long memoryBytes, boolean durable)
            throws IOException {
        return new RocksStore(directory, familyNames, memoryBytes, durable, familyNames, List.of());
    }

    /**
     * Opens (or creates) a store whose families in {@code readYourWritesFamilies} show buffered
     * writes to point reads; the others are written blind, more cheaply.
     */
    public static RocksStore open(Path directory, List<String> familyNames, long memoryBytes, boolean durable,
            java.util.Collection<String> readYourWritesFamilies) throws IOException {
        return new RocksStore(directory, familyNames, memoryBytes, durable, readYourWritesFamilies, List.of());
    }

    /**
     * Opens (or creates) a store as {@link #open(Path, List, long, boolean, java.util.Collection)}
     * whose families in {@code scanOnceFamilies} are written once, then only scanned: they are
     * neither compacted nor compressed.
     */
    public static RocksStore open(Path directory, List<String> familyNames, long memoryBytes, boolean durable,
            java.util.Collection<String> readYourWritesFamilies, java.util.Collection<String> scanOnceFamilies)
            throws IOException {
        return new RocksStore(directory, familyNames, memoryBytes, durable, readYourWritesFamilies, scanOnceFamilies);
    }

    public Path directory() {
        return directory;
    }

    public ColumnFamilyHandle family(String name) {
        ColumnFamilyHandle handle = families.get(name);
        if (handle == null) {
            throw new IllegalArgumentException("no column family " + name);
        }
        return handle;
    }

    /** Buffers a put in the store's own writer; call {@link #flushWrites()} before scanning what was written. */
    public void put(ColumnFamilyHandle family, byte[] key, byte[] value) {
        writer.put(family, key, value);
    }

    /** Writes out what the store's own writer buffered. */
    public void flushWrites() {
        writer.flush();
    }

    /** A point read that sees the store's own writer's buffered writes to read-your-writes families. */
    public byte[] get(ColumnFamilyHandle family, byte[] key) {
        return writer.get(family, key);
    }

    /**
     * A writer with buffers of its own, for one more thread writing at the same time as the
     * store's own writer (RocksDB takes concurrent batches; a batch is not shared). Close it
     * to write out what it buffered.
     */
    public Writer newWriter() {
        return new Writer();
    }

    /** Buffers writes in batches of {@value #BATCH_OPERATIONS}; used by one thread at a time. */
    public final class Writer implements AutoCloseable {
        private WriteBatchWithIndex indexedBatch = new WriteBatchWithIndex(true);
        private WriteBatch plainBatch = new WriteBatch();
        private int indexedBatched;
        private int plainBatched;

        private Writer() {
        }

        public void put(ColumnFamilyHandle family, byte[] key, byte[] value) {
            try {
                if (readYourWrites.contains(family)) {
                    indexedBatch.put(family, key, value);
                    indexedBatched++;
                } else {
                    plainBatch.put(family, key, value);
                    plainBatched++;
                }
            } catch (RocksDBException e) {
                throw new StoreException("buffering a write failed", e);
            }
            if (indexedBatched + plainBatched >= BATCH_OPERATIONS) {
                flush();
            }
        }

        public void flush() {
            try {
                if (plainBatched > 0) {
                    db.write(writeOptions, plainBatch);
                    plainBatch.close();
                    plainBatch = new WriteBatch();
                    plainBatched = 0;
                }
                if (indexedBatched > 0) {
                    db.write(writeOptions, indexedBatch);
                    indexedBatch.close();
                    indexedBatch = new WriteBatchWithIndex(true);
                    indexedBatched = 0;
                }
            } catch (RocksDBException e) {
                throw new StoreException("writing to " + directory + " failed: " + e.getMessage(), e);
            }
        }

        public byte[] get(ColumnFamilyHandle family, byte[] key) {
            try {
                if (!readYourWrites.contains(family)) {
                    if (plainBatched > 0) {
                        flush();
                    }
                    return db.get(family, key);
                }
                return indexedBatched == 0 ? db.get(family, key)
                        : indexedBatch.getFromBatchAndDB(db, family, pointReadOptions, key);
            } catch (RocksDBException e) {
                throw new StoreException("reading " + directory + " failed: " + e.getMessage(), e);
            }
        }

        /** Writes out what is buffered and frees the buffers. */
        @Override
        public void close() {
            try {
                flush();
            } finally {
                discard();
            }
        }

        private void discard() {
            plainBatch.close();
            indexedBatch.close();
        }
    }

    /** An iterator for a sequential scan; close it after use. */
    public RocksIterator scan(ColumnFamilyHandle family) {
        return db.newIterator(family, scanOptions);
    }

    /** Makes everything written durable (flushes memtables to files). */
    public void sync() {
        flushWrites();
        try (org.rocksdb.FlushOptions flush = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
            db.flush(flush, handles);
        } catch (RocksDBException e) {
            throw new StoreException("flushing " + directory + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writer.discard();
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        closeOptions();
    }

    private void closeOptions() {
        scanOptions.close();
        pointReadOptions.close();
        writeOptions.close();
        familyOptions.close();
        scanOnceOptions.close();
        dbOptions.close();
        writeBufferManager.close();
        bloomFilter.close();
        cache.close();
    }

    /** Deletes a store directory and everything in it. */
    public static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            PathUtils.deleteDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    /** A storage failure: the job fails, the previous state stays. */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
