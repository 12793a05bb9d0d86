package eu.emistreams.indicator.contribution;

import eu.emistreams.indicator.definition.Measure;
import eu.emistreams.indicator.source.Contribution;
import eu.emistreams.indicator.store.ContributionEntry;
import eu.emistreams.indicator.store.ContributionIntervals;
import eu.emistreams.indicator.store.YearChanges;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The changes of the records read since the last forward, combined per year, and forwarded by a
 * wall-clock punctuator: one record per year and interval on the repartition topic instead of one
 * per record read (a backfill of a million patent applications sent a million).
 *
 * <p>Exactly-once rests on what Kafka Streams documents: every store write and every forward
 * belongs to the transaction of the input offsets of the same commit. The combined changes live in
 * memory, and a commit may fall before the punctuator runs. So each record's entry in the
 * contributions store, written anyway, also says in which forward interval it last changed and,
 * while that interval is not forwarded yet, what the aggregate holds of it; the intervals store
 * says which interval was forwarded last. After a crash or a rebalance, {@link #rebuild} finds the
 * pending entries and recomputes the combined changes from them: nothing is lost, nothing
 * forwarded twice. This costs no write beyond the record's own (a second store of pending records
 * cost one put, one delete and a changelog tombstone per record; docs/benchmarks.md, section 21),
 * and a scan of the task's contributions when a task opens.
 */
final class CombinedChanges<C extends Contribution<M>, M> {

    private final Measure<M> measure;
    private final ProcessorContext<Integer, YearChanges<M>> context;
    /** The child the changes go to: the processor has a progress sink besides. */
    private final String child;
    private final KeyValueStore<String, ContributionEntry<C>> contributions;
    private final KeyValueStore<String, Long> intervals;
    /** The changes not yet forwarded, by year, in year order. */
    private final Map<Integer, YearChangesBuilder<M>> pending = new TreeMap<>();
    /** Retracted records whose entries go with the next forward (kept until then for a rebuild). */
    private final Set<String> retracted = new HashSet<>();
    private long lastForwarded;
    private boolean holdsChanges;
    /** The timestamp and headers of the last record read: the forwarded changes carry them (none after a restart). */
    private long lastTimestamp;
    private Headers lastHeaders;

    CombinedChanges(Measure<M> measure, ProcessorContext<Integer, YearChanges<M>> context, String child,
            KeyValueStore<String, ContributionEntry<C>> contributions, KeyValueStore<String, Long> intervals) {
        this.measure = measure;
        this.context = context;
        this.child = child;
        this.contributions = contributions;
        this.intervals = intervals;
        this.lastTimestamp = context.currentSystemTimeMs();
    }

    /**
     * The changes the last commit left unforwarded: for each pending entry, what its record
     * contributes now less what the aggregate holds of it. Whatever was combined in memory before
     * belonged to a task closed, so to a commit that either wrote the same entries or was aborted
     * with them.
     */
    void rebuild() {
        pending.clear();
        retracted.clear();
        lastForwarded = Objects.requireNonNullElse(intervals.get(ContributionIntervals.FORWARDED), 0L);
        holdsChanges = false;
        if (Objects.requireNonNullElse(intervals.get(ContributionIntervals.CHANGED), 0L) <= lastForwarded) {
            // Nothing changed since the last forward: no entry can be pending, no scan needed.
            return;
        }
        try (KeyValueIterator<String, ContributionEntry<C>> all = contributions.all()) {
            while (all.hasNext()) {
                KeyValue<String, ContributionEntry<C>> entry = all.next();
                if (entry.value.pendingAfter(lastForwarded)) {
                    holdsChanges = true;
                    combine(entry.value.forwarded(), entry.value.contribution());
                    if (entry.value.contribution() == null) {
                        retracted.add(entry.key);
                    }
                }
            }
        }
        if (!holdsChanges) {
            // Cannot happen (the entry that opened the interval is pending until it is forwarded),
            // but an interval left open would keep this task pending for ever.
            lastForwarded = intervals.get(ContributionIntervals.CHANGED);
            intervals.put(ContributionIntervals.FORWARDED, lastForwarded);
        }
    }

    /**
     * The entry to store for a record whose contribution went from that of {@code stored} (null
     * for none) to {@code next} (null for none), its change combined with the others.
     */
    ContributionEntry<C> changed(Record<String, ?> record, ContributionEntry<C> stored, C next) {
        long interval = lastForwarded + 1;
        if (!holdsChanges) {
            // First change of the interval: in the transaction of this record's offset.
            intervals.put(ContributionIntervals.CHANGED, interval);
            holdsChanges = true;
        }
        C previous = stored == null ? null : stored.contribution();
        combine(previous, next);
        if (next == null) {
            retracted.add(record.key());
        } else {
            retracted.remove(record.key());
        }
        lastTimestamp = record.timestamp();
        lastHeaders = record.headers();
        return new ContributionEntry<>(next, interval, stored == null ? null : stored.heldByAggregate(lastForwarded));
    }

    private void combine(C retracted, C added) {
        if (retracted != null) {
            for (int year : retracted.years()) {
                year(year).retract(retracted);
            }
        }
        if (added != null) {
            for (int year : added.years()) {
                year(year).add(added);
            }
        }
    }

    private YearChangesBuilder<M> year(int year) {
        return pending.computeIfAbsent(year, y -> new YearChangesBuilder<>(y, measure));
    }

    /** Whether records read wait for the next {@link #forward}. */
    boolean holdsChanges() {
        return holdsChanges;
    }

    /** Forwards the combined changes of every year and closes the interval they were read in. */
    void forward() {
        if (!holdsChanges) {
            return;
        }
        for (YearChangesBuilder<M> year : pending.values()) {
            YearChanges<M> changes = year.build();
            if (changes != null) {
                context.forward(lastHeaders == null
                        ? new Record<>(changes.year(), changes, lastTimestamp)
                        : new Record<>(changes.year(), changes, lastTimestamp, lastHeaders), child);
            }
        }
        lastForwarded++;
        intervals.put(ContributionIntervals.FORWARDED, lastForwarded);
        for (String key : retracted) {
            contributions.delete(key);
        }
        pending.clear();
        retracted.clear();
        holdsChanges = false;
    }
}
