package eu.emistreams.indicator.topology;

import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.indicator.source.PatentContribution;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Turns the upserts and tombstones of classified applications (keyed by appln_id) into changes of
 * yearly sums: it remembers what each application last contributed, takes that contribution away
 * and adds the new one. A record identical to the previous one (provenance included) changes nothing.
 *
 * <p>The changes are combined per year until the task commits and forwarded then, keyed by year,
 * from the task's {@link CommitHook}: one record per year and commit on the repartition topic
 * instead of one per application (a backfill of a million applications sent a million). Under
 * exactly-once nothing is lost or delayed by it: the records forwarded join the transaction of the
 * input offsets they were computed from, and the aggregate could not have read them before that
 * transaction committed anyway.
 */
final class PatentContributionProcessor implements Processor<String, ClassifiedPatent, Integer, YearSumChanges> {

    static final String STORE = "patent-contributions";
    static final String COMMIT_HOOK = "patent-contributions-commit";

    private InternalProcessorContext<Integer, YearSumChanges> context;
    private ProcessorNode<?, ?, ?, ?> node;
    private KeyValueStore<String, PatentContribution> contributions;
    /** The changes not yet forwarded, by year, in year order. */
    private final Map<Integer, YearSumChanges.Builder> pending = new TreeMap<>();
    /** The context of the last record read: the forwarded changes carry it, as a cache's flush does. */
    private ProcessorRecordContext lastRecordContext;

    static ProcessorSupplier<String, ClassifiedPatent, Integer, YearSumChanges> supplier(StateStoreKind storeKind) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, ClassifiedPatent, Integer, YearSumChanges> get() {
                return new PatentContributionProcessor();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(storeKind.keyValue(STORE), Serdes.String(), InternalSerdes.contribution()),
                        CommitHook.builder(COMMIT_HOOK));
            }
        };
    }

    @Override
    public void init(ProcessorContext<Integer, YearSumChanges> context) {
        this.context = (InternalProcessorContext<Integer, YearSumChanges>) context;
        // Kafka Streams sets the processor's own node while it initialises it.
        this.node = this.context.currentNode();
        this.contributions = context.getStateStore(STORE);
        // Changes combined before a task was closed without committing belong to an aborted transaction.
        pending.clear();
        CommitHook hook = context.getStateStore(COMMIT_HOOK);
        hook.beforeCommit(this::forwardPending);
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
        if (previous != null) {
            pending.computeIfAbsent(previous.year(), YearSumChanges.Builder::new).add(previous, true);
        }
        if (next != null) {
            pending.computeIfAbsent(next.year(), YearSumChanges.Builder::new).add(next, false);
        }
        lastRecordContext = context.recordContext();
    }

    /** Forwards the combined changes of every year, as the processor's node, under the last record's context. */
    private void forwardPending() {
        if (pending.isEmpty()) {
            return;
        }
        ProcessorNode<?, ?, ?, ?> currentNode = context.currentNode();
        ProcessorRecordContext currentRecordContext = context.recordContext();
        context.setCurrentNode(node);
        context.setRecordContext(lastRecordContext);
        try {
            for (YearSumChanges.Builder year : pending.values()) {
                YearSumChanges changes = year.build();
                if (changes != null) {
                    context.forward(new Record<>(changes.year(), changes, lastRecordContext.timestamp(),
                            lastRecordContext.headers()));
                }
            }
            pending.clear();
        } finally {
            context.setRecordContext(currentRecordContext);
            context.setCurrentNode(currentNode);
        }
    }
}
