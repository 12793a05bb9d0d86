package eu.emistreams.indicator.contribution;

import eu.emistreams.indicator.definition.Measure;
import eu.emistreams.indicator.source.Contribution;
import eu.emistreams.indicator.store.ForwardedContribution;
import eu.emistreams.indicator.store.YearChanges;
import java.util.HashSet;
import java.util.Map;
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
 * memory, and a commit may fall before the punctuator runs; so the pending store keeps, for each
 * record not yet forwarded, what it contributed when it was last forwarded. After a crash or a
 * rebalance, {@link #rebuild} recomputes the combined changes from that store and the
 * contributions store, which the same commits wrote: nothing is lost, nothing forwarded twice. A
 * record is usually put there and deleted again between two commits, where the record cache drops
 * both writes.
 */
final class CombinedChanges<C extends Contribution<M>, M> {

    private final Measure<M> measure;
    private final ProcessorContext<Integer, YearChanges<M>> context;
    /** The child the changes go to: the processor has a progress sink besides. */
    private final String child;
    private final KeyValueStore<String, C> contributions;
    private final KeyValueStore<String, ForwardedContribution<C>> pendingStore;
    /** The changes not yet forwarded, by year, in year order. */
    private final Map<Integer, YearChangesBuilder<M>> pending = new TreeMap<>();
    /** The keys of {@link #pendingStore}, so that a record needs no store read to know it is pending. */
    private final Set<String> pendingKeys = new HashSet<>();
    /** The timestamp and headers of the last record read: the forwarded changes carry them (none after a restart). */
    private long lastTimestamp;
    private Headers lastHeaders;

    CombinedChanges(Measure<M> measure, ProcessorContext<Integer, YearChanges<M>> context, String child,
            KeyValueStore<String, C> contributions, KeyValueStore<String, ForwardedContribution<C>> pendingStore) {
        this.measure = measure;
        this.context = context;
        this.child = child;
        this.contributions = contributions;
        this.pendingStore = pendingStore;
        this.lastTimestamp = context.currentSystemTimeMs();
    }

    /**
     * The changes the last commit left unforwarded: for each pending record, what it contributes
     * now less what it contributed when last forwarded. Whatever was combined in memory before
     * belonged to a task closed, so to a commit that either wrote the same pending entries or was
     * aborted with them.
     */
    void rebuild() {
        pending.clear();
        pendingKeys.clear();
        try (KeyValueIterator<String, ForwardedContribution<C>> all = pendingStore.all()) {
            while (all.hasNext()) {
                KeyValue<String, ForwardedContribution<C>> entry = all.next();
                pendingKeys.add(entry.key);
                combine(entry.value.contribution(), contributions.get(entry.key));
            }
        }
    }

    /** A record's contribution went from {@code previous} to {@code next} (either null for none). */
    void changed(Record<String, ?> record, C previous, C next) {
        if (pendingKeys.add(record.key())) {
            // First change since the last forward: what the aggregate holds of it is `previous`.
            pendingStore.put(record.key(), new ForwardedContribution<>(previous));
        }
        combine(previous, next);
        lastTimestamp = record.timestamp();
        lastHeaders = record.headers();
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
        return !pendingKeys.isEmpty();
    }

    /** Forwards the combined changes of every year and forgets the records they came from. */
    void forward() {
        if (pendingKeys.isEmpty()) {
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
        for (String key : pendingKeys) {
            pendingStore.delete(key);
        }
        pending.clear();
        pendingKeys.clear();
    }
}
