package eu.emistreams.ingest.diff;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Compares a release, offered key by key in ascending key order, with the previous release's
 * digests: a merge of two sorted sequences, so neither is held in memory. Keys of the previous
 * release that the new one skips over are retracted as the merge passes them.
 */
public final class ReleaseDiff implements AutoCloseable {

    /** What an offered key is relative to the previous release. */
    public enum Change {
        NEW, CHANGED, UNCHANGED
    }

    /** Where the digests of the new release go. */
    @FunctionalInterface
    public interface Recorder {
        void record(byte[] key, byte[] digest);
    }

    private final Recorder next;
    private final DigestState.Cursor previous;
    private final Consumer<byte[]> retracted;
    private byte[] lastKey;

    /** @param retracted called with each key of the previous release missing from this one */
    public ReleaseDiff(DigestState state, Consumer<byte[]> retracted) {
        this(state.previous(), state::record, retracted);
    }

    /**
     * Compares one key range of a release: {@code previous} walks the previous release's keys of
     * that range only, so that ranges can be compared at the same time, each with its own recorder.
     */
    public ReleaseDiff(DigestState.Cursor previous, Recorder next, Consumer<byte[]> retracted) {
        this.previous = previous;
        this.next = next;
        this.retracted = retracted;
    }

    public Change offer(byte[] key, byte[] digest) {
        if (lastKey != null && Arrays.compareUnsigned(lastKey, key) >= 0) {
            throw new IllegalArgumentException("keys must be offered in ascending order");
        }
        lastKey = key;
        next.record(key, digest);
        while (previous.valid() && Arrays.compareUnsigned(previous.key(), key) < 0) {
            retracted.accept(previous.key());
            previous.next();
        }
        if (previous.valid() && Arrays.equals(previous.key(), key)) {
            boolean same = Arrays.equals(previous.digest(), digest);
            previous.next();
            return same ? Change.UNCHANGED : Change.CHANGED;
        }
        return Change.NEW;
    }

    /** Retracts the previous keys after the last one offered. */
    public void finish() {
        while (previous.valid()) {
            retracted.accept(previous.key());
            previous.next();
        }
    }

    @Override
    public void close() {
        previous.close();
    }
}
