package eu.emistreams.ingest.diff;

import eu.emistreams.ingest.store.RocksStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * The published state of one source: the digest of every key it last published, as generations
 * of a RocksDB store under {@code <state-dir>/<source>/}. A run reads the committed generation and
 * writes the next one from scratch; {@link #commit} switches the {@code CURRENT} pointer by an
 * atomic rename once the events are acknowledged. A run that fails or crashes before that
 * leaves the previous generation in force, and its partial one is deleted on the next open.
 *
 * <p>A run that stops between its first event and its commit (a failure, a kill) has published
 * part of its release over a state whose digests no longer say what is on the topics. Opening
 * therefore writes a durable {@code UNFINISHED} marker naming the release, removed by the commit;
 * while it stands, only that release may run: its run publishes every difference to the
 * committed state again, overwriting what the stopped run sent with the same values, and
 * retracting what it must. Another release would be compared with digests that are wrong for the
 * keys the stopped run touched, so it is refused ({@link UnfinishedReleaseException}).
 */
public final class DigestState implements AutoCloseable {

    private static final String CURRENT = "CURRENT";
    private static final String UNFINISHED = "UNFINISHED";
    private static final String DIGESTS = "digests";
    private static final long MEMORY = 32L << 20;

    private final Path directory;
    private final long previousGeneration;
    private final String previousRelease;
    private final RocksStore previous;
    private final RocksStore next;
    private final ColumnFamilyHandle previousDigests;
    private final ColumnFamilyHandle nextDigests;
    private boolean committed;

    private DigestState(Path directory, long previousGeneration, String previousRelease) throws IOException {
        this.directory = directory;
        this.previousGeneration = previousGeneration;
        this.previousRelease = previousRelease;
        Path nextDirectory = generationDirectory(previousGeneration + 1);
        this.previous = previousGeneration > 0
                ? RocksStore.open(generationDirectory(previousGeneration), List.of(DIGESTS), MEMORY, true, List.of())
                : null;
        // Digests are only written during a run and read through scans: written blind.
        this.next = RocksStore.open(nextDirectory, List.of(DIGESTS), MEMORY, true, List.of());
        this.previousDigests = previous == null ? null : previous.family(DIGESTS);
        this.nextDigests = next.family(DIGESTS);
    }

    /**
     * Opens the committed state of a source for a run of {@code release} that publishes from now
     * on, and starts its next generation.
     *
     * @throws UnfinishedReleaseException when another release's run stopped while publishing
     */
    public static DigestState open(Path directory, String release) throws IOException {
        Files.createDirectories(directory);
        Path current = directory.resolve(CURRENT);
        long generation = 0;
        String committedRelease = null;
        if (Files.exists(current)) {
            String[] pointer = Files.readString(current, StandardCharsets.UTF_8).strip().split(" ", 2);
            generation = Long.parseLong(pointer[0]);
            committedRelease = pointer.length > 1 ? pointer[1] : null;
        }
        Path marker = directory.resolve(UNFINISHED);
        if (Files.exists(marker)) {
            String unfinished = Files.readString(marker, StandardCharsets.UTF_8).strip();
            // A marker naming the committed release was left by a stop between commit and its removal.
            if (!unfinished.equals(release) && !unfinished.equals(committedRelease)) {
                throw new UnfinishedReleaseException(unfinished, release);
            }
        }
        writeDurably(marker, release + "\n");
        if (generation > 0 && !Files.isDirectory(directory.resolve("generation-" + generation))) {
            throw new IOException(directory + ": CURRENT names generation " + generation
                    + ", which is missing; the ingest state is damaged");
        }
        // Left by a run that crashed before or after its commit: never in force.
        try (var entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith("generation-") && !name.equals("generation-" + generation)) {
                    RocksStore.delete(entry);
                }
            }
        }
        return new DigestState(directory, generation, committedRelease);
    }

    /** The release of the committed state, or null before the first commit. */
    public String previousRelease() {
        return previousRelease;
    }

    /** The previous generation's keys and digests in key order; empty before the first commit. */
    public Cursor previous() {
        return new Cursor(previous == null ? null : previous.scan(previousDigests), null, null);
    }

    /** The previous generation's keys in {@code [from, to)} (unsigned byte order), in key order. */
    public Cursor previous(byte[] from, byte[] to) {
        return new Cursor(previous == null ? null : previous.scan(previousDigests), from, to);
    }

    public void record(byte[] key, byte[] digest) {
        next.put(nextDigests, key, digest);
    }

    /** Records digests of the next generation from one more thread, with buffers of its own. */
    public Recorder newRecorder() {
        return new Recorder(next.newWriter());
    }

    /** Writes digests of the next generation; close it to write out what it buffered. */
    public final class Recorder implements ReleaseDiff.Recorder, AutoCloseable {
        private final RocksStore.Writer writer;

        private Recorder(RocksStore.Writer writer) {
            this.writer = writer;
        }

        @Override
        public void record(byte[] key, byte[] digest) {
            writer.put(nextDigests, key, digest);
        }

        @Override
        public void close() {
            writer.close();
        }
    }

    /** Makes the next generation the committed state. */
    public void commit(String release) throws IOException {
        next.sync();
        long generation = previousGeneration + 1;
        Path pointer = directory.resolve(CURRENT);
        Path temporary = directory.resolve(CURRENT + ".tmp");
        Files.writeString(temporary, generation + " " + release + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(temporary, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, pointer, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        Files.deleteIfExists(directory.resolve(UNFINISHED));
    }

    /** Writes {@code text} and forces it to the disk: a marker a crash must not lose. */
    private static void writeDurably(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(temporary,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            previous.close();
        }
        next.close();
        if (committed) {
            if (previousGeneration > 0) {
                RocksStore.delete(generationDirectory(previousGeneration));
            }
        } else {
            RocksStore.delete(generationDirectory(previousGeneration + 1));
        }
    }

    private Path generationDirectory(long generation) {
        return directory.resolve("generation-" + generation);
    }

    /** A forward-only walk over (key, digest) pairs, optionally within {@code [from, to)}. */
    public static final class Cursor implements AutoCloseable {
        private final RocksIterator iterator;
        private final byte[] to;

        Cursor(RocksIterator iterator, byte[] from, byte[] to) {
            this.iterator = iterator;
            this.to = to;
            if (iterator != null) {
                if (from == null) {
                    iterator.seekToFirst();
                } else {
                    iterator.seek(from);
                }
            }
        }

        public boolean valid() {
            return iterator != null && iterator.isValid()
                    && (to == null || java.util.Arrays.compareUnsigned(iterator.key(), to) < 0);
        }

        public byte[] key() {
            return iterator.key();
        }

        public byte[] digest() {
            return iterator.value();
        }

        public void next() {
            iterator.next();
        }

        @Override
        public void close() {
            if (iterator != null) {
                iterator.close();
            }
        }
    }
}
