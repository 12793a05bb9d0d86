package eu.emistreams.indicator.contribution;

import eu.emistreams.indicator.definition.IndicatorDefinition;
import eu.emistreams.indicator.lane.LaneContributions;
import eu.emistreams.indicator.publish.PublicationSchedule;
import eu.emistreams.indicator.source.Contribution;
import eu.emistreams.indicator.store.ContributionEntry;
import eu.emistreams.indicator.store.InternalSerdes;
import eu.emistreams.indicator.store.StateStoreKind;
import eu.emistreams.indicator.store.YearChanges;
import eu.emistreams.streams.progress.TaskProgress;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Turns the upserts and tombstones of one classified topic (keyed by the record's natural key)
 * into changes of yearly sums: it remembers what each record last contributed, takes that
 * contribution away and adds the new one, for every year either counts in. A record identical to
 * the previous one (provenance included) changes nothing. The changes go to the aggregate keyed by
 * year, as each record is read or, where the family combines them, every forward interval
 * ({@link CombinedChanges}). Every task reports on emi.progress ({@link TaskProgress}) how far it
 * has read its classified partition (what upstream pacing counts as waiting) and, where it
 * combines changes, whether it holds records not forwarded yet: their input offsets may commit
 * before the forward.
 */
public final class ContributionProcessor<V, C extends Contribution<M>, M>
        implements Processor<String, V, Integer, YearChanges<M>> {

    private final IndicatorDefinition<V, C, M> definition;
    private final PublicationSchedule schedule;
    private ProcessorContext<Integer, YearChanges<M>> context;
    /** Each record's contribution in every lane (in force, variants): see {@link LaneContributions}. */
    private KeyValueStore<String, ContributionEntry<LaneContributions<C, M>>> contributions;
    /** Null where each record's changes are forwarded as it is read. */
    private CombinedChanges<LaneContributions<C, M>, M> combined;
    private final TaskProgress progress;

    private ContributionProcessor(IndicatorDefinition<V, C, M> definition, PublicationSchedule schedule) {
        this.definition = definition;
        this.schedule = schedule;
        this.progress = new TaskProgress(TaskProgress.INDICATOR, definition.contributions());
    }

    public static <V, C extends Contribution<M>, M> ProcessorSupplier<String, V, Integer, YearChanges<M>> supplier(
            IndicatorDefinition<V, C, M> definition, PublicationSchedule schedule, StateStoreKind storeKind) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, V, Integer, YearChanges<M>> get() {
                return new ContributionProcessor<>(definition, schedule);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                Set<StoreBuilder<?>> stores = new HashSet<>();
                stores.add(Stores.keyValueStoreBuilder(storeKind.keyValue(definition.contributions()),
                        Serdes.String(), InternalSerdes.laneContributionEntry(definition.contributionFormat())));
                if (definition.speed().combineChanges()) {
                    // Two keys written at most once per forward interval, which the cache combines.
                    stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(definition.intervalsStore()),
                            Serdes.String(), Serdes.Long()).withCachingEnabled());
                }
                return stores;
            }
        };
    }

    @Override
    public void init(ProcessorContext<Integer, YearChanges<M>> context) {
        this.context = context;
        this.contributions = context.getStateStore(definition.contributions());
        if (definition.speed().combineChanges()) {
            combined = new CombinedChanges<>(definition.measure(), context, definition.changesByYearEntry(),
                    contributions, context.getStateStore(definition.intervalsStore()));
            combined.rebuild();
        }
        // The first punctuation writes the task's progress whatever it is: the task may be new here.
        progress.init(context);
        context.schedule(schedule.forwardInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
            if (combined != null) {
                combined.forward();
            }
            reportProgress();
        });
    }

    @Override
    public void process(Record<String, V> record) {
        // Read, whatever it changes: its offset goes out with the next report.
        progress.recordProcessed();
        if (record.key() == null) {
            // Without a key no later record could ever retract this one.
            return;
        }
        ContributionEntry<LaneContributions<C, M>> stored = contributions.get(record.key());
        LaneContributions<C, M> previous = stored == null ? null : stored.contribution();
        LaneContributions<C, M> next = record.value() == null ? null
                : definition.laneContributions(record.value()).orElse(null);
        if (Objects.equals(previous, next)) {
            return;
        }
        if (combined != null) {
            // Kept while pending even when retracted: the entry says what the aggregate holds.
            contributions.put(record.key(), combined.changed(record, stored, next));
            // In the transaction of this record's offset: once it commits, the record is known pending.
            reportProgress();
            return;
        }
        if (next == null) {
            contributions.delete(record.key());
        } else {
            contributions.put(record.key(), ContributionEntry.forwardedAsRead(next));
        }
        forwardChanges(record, previous, next);
    }

    private void reportProgress() {
        progress.report(combined != null && combined.holdsChanges(),
                "records read, not yet forwarded to the year aggregates", null);
    }

    /** Forwards, for every year either contribution counts in, what the record changed in it. */
    private void forwardChanges(Record<String, V> record, LaneContributions<C, M> previous,
            LaneContributions<C, M> next) {
        SortedSet<Integer> years = new TreeSet<>();
        if (previous != null) {
            years.addAll(previous.years());
        }
        if (next != null) {
            years.addAll(next.years());
        }
        for (int year : years) {
            YearChangesBuilder<M> changes = new YearChangesBuilder<>(year, definition.measure());
            if (previous != null) {
                changes.retract(previous);
            }
            if (next != null && next.years().contains(year)) {
                changes.add(next);
            }
            YearChanges<M> built = changes.build();
            if (built != null) {
                context.forward(record.withKey(year).withValue(built), definition.changesByYearEntry());
            }
        }
    }
}
