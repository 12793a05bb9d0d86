package eu.emistreams.ingest.job;

import java.util.Map;
import java.util.TreeMap;

/**
 * The record accounting of one ingest (indicators.md §8): every row read ends in exactly one of
 * published, ignored, quality or rejected, and {@code details} names why. Details starting with
 * {@code ignored.}, {@code quality.} and {@code rejected.} add up to their bucket; {@code read.}
 * details count the rows per table; {@code note.} details count facts that change no bucket.
 *
 * <p>The job's worker thread writes, HTTP threads read snapshots; methods are synchronized, an
 * uncontended lock costing little next to the storage work done per row.
 */
public final class RecordAccounting {

    private long read;
    private long published;
    private long ignored;
    private long quality;
    private long rejected;
    private long eventsChanged;
    private long eventsUnchanged;
    private long eventsRetracted;
    private final Map<String, Long> details = new TreeMap<>();

    /** A consistent copy of the counts. */
    public record Snapshot(long read, long published, long ignored, long quality, long rejected,
            long eventsChanged, long eventsUnchanged, long eventsRetracted, Map<String, Long> details) {

        /** Whether every row read is in exactly one bucket and every bucket equals its details. */
        public boolean balanced() {
            return read == published + ignored + quality + rejected
                    && ignored == sum("ignored.") && quality == sum("quality.") && rejected == sum("rejected.")
                    && read == sum("read.");
        }

        public long sum(String prefix) {
            return details.entrySet().stream()
                    .filter(detail -> detail.getKey().startsWith(prefix))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        public long detail(String name) {
            return details.getOrDefault(name, 0L);
        }
    }

    public synchronized void read(String table, long rows) {
        read += rows;
        add("read." + table, rows);
    }

    public synchronized void published(long rows) {
        published += rows;
    }

    /** @param reason the detail without its prefix, e.g. {@code non_transnational} */
    public synchronized void ignored(String reason, long rows) {
        ignored += rows;
        add("ignored." + reason, rows);
    }

    public synchronized void quality(String reason, long rows) {
        quality += rows;
        add("quality." + reason, rows);
    }

    public synchronized void rejected(String reason) {
        rejected++;
        add("rejected." + reason, 1);
    }

    public synchronized void note(String name, long count) {
        add("note." + name, count);
    }

    public synchronized void eventChanged() {
        eventsChanged++;
    }

    public synchronized void eventUnchanged() {
        eventsUnchanged++;
    }

    public synchronized void eventRetracted() {
        eventsRetracted++;
    }

    /** Adds every count of another accounting (one part of a job counted apart, then added). */
    public synchronized void add(Snapshot part) {
        read += part.read();
        published += part.published();
        ignored += part.ignored();
        quality += part.quality();
        rejected += part.rejected();
        eventsChanged += part.eventsChanged();
        eventsUnchanged += part.eventsUnchanged();
        eventsRetracted += part.eventsRetracted();
        part.details().forEach(this::add);
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(read, published, ignored, quality, rejected, eventsChanged, eventsUnchanged,
                eventsRetracted, Map.copyOf(new TreeMap<>(details)));
    }

    private void add(String name, long count) {
        if (count != 0) {
            details.merge(name, count, Long::sum);
        }
    }
}
