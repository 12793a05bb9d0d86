package eu.emistreams.indicator.topology;

import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.indicator.source.PatentContribution;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Turns the upserts and tombstones of classified applications (keyed by appln_id) into changes of
 * yearly sums: it remembers what each application last contributed, and forwards, keyed by year,
 * the retraction of that contribution and the addition of the new one. A record identical to the
 * previous one (provenance included) forwards nothing.
 */
final class PatentContributionProcessor implements Processor<String, ClassifiedPatent, Integer, YearDelta> {

    static final String STORE = "patent-contributions";

    private ProcessorContext<Integer, YearDelta> context;
    private KeyValueStore<String, PatentContribution> contributions;

    static ProcessorSupplier<String, ClassifiedPatent, Integer, YearDelta> supplier(StateStoreKind storeKind) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, ClassifiedPatent, Integer, YearDelta> get() {
                return new PatentContributionProcessor();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(
                        storeKind.keyValue(STORE), Serdes.String(), InternalSerdes.contribution()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<Integer, YearDelta> context) {
        this.context = context;
        this.contributions = context.getStateStore(STORE);
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
        if (previous != null && next != null && previous.year() == next.year()) {
            forward(record, new YearDelta(next.year(), previous, next));
            return;
        }
        if (previous != null) {
            forward(record, new YearDelta(previous.year(), previous, null));
        }
        if (next != null) {
            forward(record, new YearDelta(next.year(), null, next));
        }
    }

    private void forward(Record<String, ClassifiedPatent> record, YearDelta delta) {
        context.forward(record.withKey(delta.year()).withValue(delta));
    }
}
