package eu.emistreams.indicator.topology;

import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.indicator.source.PatentContribution;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Turns the upserts and tombstones of classified applications (keyed by appln_id) into changes of
 * yearly sums: it remembers what each application last contributed, takes that contribution away
 * and adds the new one. A record identical to the previous one (provenance included) changes nothing.
 *
 * <p>The changes are combined per year and forwarded, keyed by year, by a wall-clock punctuator
 * every {@link PublicationSchedule#forwardInterval()}: one record per year and interval on the
 * repartition topic instead of one per application (a backfill of a million applications sent a
 * million). Only public Kafka Streams API is used, so exactly-once rests on what Kafka Streams
 * documents: every store write and every forward belongs to the transaction of the input offsets
 * of the same commit. The combined changes live in memory, and a commit may fall before the
 * punctuator runs; so the stage also keeps, in the logged store {@link #PENDING_STORE}, what each
 * application not yet forwarded contributed when it was last forwarded. After a crash or a
 * rebalance, {@link #init} rebuilds the combined changes from that store and the contributions
 * store, which the same commits wrote: nothing is lost, nothing forwarded twice. An application is
 * usually put there and deleted again between two commits, where the record cache drops both writes.
 */
final class PatentContributionProcessor implements Processor<String, ClassifiedPatent, Integer, YearSumChanges> {

    static final String STORE = "patent-contributions";
    /** Applications whose changes are not forwarded yet, with what they contributed when last forwarded. */
    static final String PENDING_STORE = "patent-contributions-pending";

    private final Duration forwardInterval;
    private ProcessorContext<Integer, YearSumChanges> context;
    private KeyValueStore<String, PatentContribution> contributions;
    private KeyValueStore<String, ForwardedContribution> pendingStore;
    /** The changes not yet forwarded, by year, in year order. */
    private final Map<Integer, YearSumChanges.Builder> pending = new TreeMap<>();
    /** The keys of {@link #pendingStore}, so that a record needs no store read to know it is pending. */
    private final Set<String> pendingKeys = new HashSet<>();
    /** The timestamp and headers of the last record read: the forwarded changes carry them (none after a restart). */
    private long lastTimestamp;
    private Headers lastHeaders;

    private PatentContributionProcessor(Duration forwardInterval) {
        this.forwardInterval = forwardInterval;
    }

    static ProcessorSupplier<String, ClassifiedPatent, Integer, YearSumChanges> supplier(
            PublicationSchedule schedule, StateStoreKind storeKind) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, ClassifiedPatent, Integer, YearSumChanges> get() {
                return new PatentContributionProcessor(schedule.forwardInterval());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(storeKind.keyValue(STORE), Serdes.String(), InternalSerdes.contribution()),
                        // In memory whatever the kind of the other stores: it holds the applications
                        // of one interval at most, so its changelog restores in no time, and a
                        // RocksDB store would cost a flush at every commit and a disk read for
                        // every deletion the record cache passes on.
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING_STORE), Serdes.String(),
                                InternalSerdes.forwardedContribution()).withCachingEnabled());
            }
        };
    }

    @Override
    public void init(ProcessorContext<Integer, YearSumChanges> context) {
        this.context = context;
        this.contributions = context.getStateStore(STORE);
        this.pendingStore = context.getStateStore(PENDING_STORE);
        lastTimestamp = context.currentSystemTimeMs();
        lastHeaders = null;
        rebuildPending();
        context.schedule(forwardInterval, PunctuationType.WALL_CLOCK_TIME, now -> forwardPending());
    }

    /**
     * The changes the last commit left unforwarded: for each pending application, what it
     * contributes now less what it contributed when last forwarded. Whatever was combined in
     * memory before belonged to a task closed, so to a commit that either wrote the same pending
     * entries or was aborted with them.
     */
    private void rebuildPending() {
        pending.clear();
        pendingKeys.clear();
        try (KeyValueIterator<String, ForwardedContribution> all = pendingStore.all()) {
            while (all.hasNext()) {
                KeyValue<String, ForwardedContribution> entry = all.next();
                pendingKeys.add(entry.key);
                combine(entry.value.contribution(), contributions.get(entry.key));
            }
        }
    }

    @Override
    public void process(Record<String, ClassifiedPatent> record) {
        if (record.key() == null) {
            // Without an appln_id no later record could ever retract this one.
            return;
        }
        PatentContribution previous = contributions.get(record.key());
        PatentContribution next = record.value() == null ? null : PatentContribution.of(record.value()).orElse(null);
        if (Objects.equals(previous, next)) {
            return;
        }
        if (next == null) {
            contributions.delete(record.key());
        } else {
            contributions.put(record.key(), next);
        }
        if (pendingKeys.add(record.key())) {
            // First change since the last forward: what the aggregate holds of it is `previous`.
            pendingStore.put(record.key(), new ForwardedContribution(previous));
        }
        combine(previous, next);
        lastTimestamp = record.timestamp();
        lastHeaders = record.headers();
    }

    private void combine(PatentContribution retracted, PatentContribution added) {
        if (retracted != null) {
            pending.computeIfAbsent(retracted.year(), YearSumChanges.Builder::new).add(retracted, true);
        }
        if (added != null) {
            pending.computeIfAbsent(added.year(), YearSumChanges.Builder::new).add(added, false);
        }
    }

    /** Forwards the combined changes of every year and forgets the applications they came from. */
    private void forwardPending() {
        if (pendingKeys.isEmpty()) {
            return;
        }
        for (YearSumChanges.Builder year : pending.values()) {
            YearSumChanges changes = year.build();
            if (changes != null) {
                context.forward(lastHeaders == null
                        ? new Record<>(changes.year(), changes, lastTimestamp)
                        : new Record<>(changes.year(), changes, lastTimestamp, lastHeaders));
            }
        }
        for (String key : pendingKeys) {
            pendingStore.delete(key);
        }
        pending.clear();
        pendingKeys.clear();
    }
}
