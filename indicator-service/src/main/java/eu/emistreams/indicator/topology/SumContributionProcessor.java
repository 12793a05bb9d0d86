package eu.emistreams.indicator.topology;

import eu.emistreams.indicator.source.SumContribution;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Turns the upserts and tombstones of one classified source (keyed by the record's natural key)
 * into changes of yearly sums: it remembers what each record last contributed and forwards, keyed
 * by year, the difference between the new contribution and the previous one, for every year
 * either counts in. A record identical to the previous one (provenance included) forwards nothing.
 */
final class SumContributionProcessor<V> implements Processor<String, V, Integer, SumDelta> {

    private final SourceIndicatorBranch<V> branch;
    private ProcessorContext<Integer, SumDelta> context;
    private KeyValueStore<String, SumContribution> contributions;

    private SumContributionProcessor(SourceIndicatorBranch<V> branch) {
        this.branch = branch;
    }

    static <V> ProcessorSupplier<String, V, Integer, SumDelta> supplier(
            SourceIndicatorBranch<V> branch, StateStoreKind storeKind) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, V, Integer, SumDelta> get() {
                return new SumContributionProcessor<>(branch);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(
                        storeKind.keyValue(branch.contributions()), Serdes.String(), InternalSerdes.sumContribution()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<Integer, SumDelta> context) {
        this.context = context;
        this.contributions = context.getStateStore(branch.contributions());
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            // Without a key no later record could ever retract this one.
            return;
        }
        SumContribution previous = contributions.get(record.key());
        SumContribution next = record.value() == null
                ? null : branch.contribution().apply(record.value()).orElse(null);
        if (Objects.equals(previous, next)) {
            return;
        }
        if (next == null) {
            contributions.delete(record.key());
        } else {
            contributions.put(record.key(), next);
        }
        SortedSet<Integer> years = new TreeSet<>();
        if (previous != null) {
            years.addAll(previous.years());
        }
        if (next != null) {
            years.addAll(next.years());
        }
        for (int year : years) {
            boolean counts = next != null && next.years().contains(year);
            SortedMap<String, BigDecimal> changes = new TreeMap<>();
            if (previous != null && previous.years().contains(year)) {
                previous.amounts().forEach((key, amount) -> changes.merge(key, amount.negate(), BigDecimal::add));
            }
            if (counts) {
                next.amounts().forEach((key, amount) -> changes.merge(key, amount, BigDecimal::add));
            }
            changes.values().removeIf(change -> change.signum() == 0);
            if (changes.isEmpty() && !counts) {
                continue;
            }
            context.forward(record.withKey(year).withValue(new SumDelta(year, changes, counts,
                    counts ? next.sourceRelease() : null, counts ? next.concordanceVersion() : null)));
        }
    }
}
