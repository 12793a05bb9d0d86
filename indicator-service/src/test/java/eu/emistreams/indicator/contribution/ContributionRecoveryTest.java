package eu.emistreams.indicator.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.testing.AvroBinarySerde;
import eu.emistreams.indicator.calculation.ExactFraction;
import eu.emistreams.indicator.source.PatentContribution;
import eu.emistreams.indicator.definition.IndicatorDefinition;
import eu.emistreams.indicator.lane.LaneContributions;
import eu.emistreams.indicator.publish.PublicationSchedule;
import eu.emistreams.indicator.store.ContributionEntry;
import eu.emistreams.indicator.store.ContributionIntervals;
import eu.emistreams.indicator.store.InternalSerdes;
import eu.emistreams.indicator.store.StateStoreKind;
import eu.emistreams.indicator.store.YearChanges;
import eu.emistreams.indicator.topology.IndicatorDefinitions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task of the contribution stage that ends between a commit and the punctuator that would have
 * forwarded its combined changes: the next task, opened on the stores as that commit left them
 * (what a restore from the changelogs gives), forwards exactly the changes not yet forwarded. The
 * expected changes are worked out by hand from the applications' weights.
 */
class ContributionRecoveryTest {

    private static final PublicationSchedule SCHEDULE = new PublicationSchedule(Duration.ofMillis(1),
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(60));
    private static final IndicatorDefinition<ClassifiedPatent, PatentContribution, ExactFraction> PATENT =
            IndicatorDefinitions.patent(AvroBinarySerde.of(ClassifiedPatent.class));

    /** The stores outlive the tasks, as the changelogs do. */
    private KeyValueStore<String, ContributionEntry<LaneContributions<PatentContribution, ExactFraction>>> contributions;
    private KeyValueStore<String, Long> intervals;

    @BeforeEach
    void stores() {
        contributions = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PATENT.contributions()),
                Serdes.String(), InternalSerdes.laneContributionEntry(InternalSerdes.PATENT_CONTRIBUTION))
                .withLoggingDisabled().build();
        intervals = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PATENT.intervalsStore()),
                Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
    }

    @Test
    void aTaskThatEndsBeforeForwardingLeavesItsChangesToTheNext() {
        Task first = new Task();
        first.read(1, 2020, List.of("BE", "BE", "US"));
        first.read(2, 2021, List.of("DE"));
        // Application 1 changes again before any forward: one pending entry, the change combined.
        first.read(1, 2020, List.of("BE", "NL"));
        assertTrue(first.forwarded().isEmpty(), "nothing forwarded before the interval passes");

        Task second = new Task();
        assertEquals(List.of(
                new YearChanges<>(2020, Map.of("*|BE", ExactFraction.of(1, 2), "*|NL", ExactFraction.of(1, 2),
                        "AGRI|BE", ExactFraction.of(1, 2), "AGRI|NL", ExactFraction.of(1, 2)), true, "R1", "c1"),
                new YearChanges<>(2021, Map.of("*|DE", ExactFraction.ONE, "AGRI|DE", ExactFraction.ONE), true, "R1", "c1")),
                second.forward());
        assertFalse(anythingPending(), "forwarded applications are pending no more");

        // Forwarded once: a third task has nothing to forward again.
        assertEquals(List.of(), new Task().forward());
    }

    @Test
    void afterAForwardOnlyTheLaterChangesAreLeftToTheNextTask() {
        Task first = new Task();
        first.read(1, 2020, List.of("BE"));
        first.forward();
        // Moved to NL, then retracted; application 3 added; then the task ends unforwarded.
        first.read(1, 2020, List.of("NL"));
        first.retract(1);
        first.read(3, 2020, List.of("FR", "IT"));

        assertEquals(List.of(new YearChanges<>(2020, Map.of(
                        "*|BE", ExactFraction.of(-1, 1), "AGRI|BE", ExactFraction.of(-1, 1),
                        "*|FR", ExactFraction.of(1, 2), "*|IT", ExactFraction.of(1, 2),
                        "AGRI|FR", ExactFraction.of(1, 2), "AGRI|IT", ExactFraction.of(1, 2)), true, "R1", "c1")),
                new Task().forward());
        assertFalse(anythingPending());
        assertEquals(null, contributions.get("1"), "a retracted application's entry goes with the forward");
    }

    @Test
    void aChangeUndoneBeforeTheForwardChangesNoSum() {
        Task first = new Task();
        first.read(1, 2020, List.of("BE"));
        first.forward();
        first.read(1, 2020, List.of("NL"));
        first.read(1, 2020, List.of("BE"));
        // Only the provenance of the last contribution read travels, as without the restart.
        assertEquals(List.of(new YearChanges<>(2020, Map.of(), true, "R1", "c1")), new Task().forward());
        assertFalse(anythingPending());
    }

    /** What the stores say, as a new task would read them. */
    private boolean anythingPending() {
        long forwarded = java.util.Objects.requireNonNullElse(intervals.get(ContributionIntervals.FORWARDED), 0L);
        boolean intervalOpen = java.util.Objects.requireNonNullElse(intervals.get(ContributionIntervals.CHANGED), 0L) > forwarded;
        try (KeyValueIterator<String, ContributionEntry<LaneContributions<PatentContribution, ExactFraction>>> all = contributions.all()) {
            boolean entryPending = false;
            while (all.hasNext()) {
                ContributionEntry<LaneContributions<PatentContribution, ExactFraction>> entry = all.next().value;
                entryPending |= entry.pendingAfter(forwarded) || entry.contribution() == null;
            }
            assertEquals(intervalOpen, entryPending, "the intervals store and the entries agree");
            return intervalOpen;
        }
    }

    /** One task of the stage: a processor opened on the stores, its punctuator run by hand. */
    private final class Task {
        private final MockProcessorContext<Integer, YearChanges<ExactFraction>> context = new MockProcessorContext<>();
        private final Processor<String, ClassifiedPatent, Integer, YearChanges<ExactFraction>> processor =
                ContributionProcessor.supplier(PATENT, SCHEDULE, StateStoreKind.IN_MEMORY).get();

        Task() {
            context.setCurrentSystemTimeMs(0L);
            contributions.init(context.getStateStoreContext(), contributions);
            intervals.init(context.getStateStoreContext(), intervals);
            context.addStateStore(contributions);
            context.addStateStore(intervals);
            processor.init(context);
        }

        void read(long applnId, int year, List<String> countries) {
            processor.process(new Record<>(Long.toString(applnId),
                    new ClassifiedPatent(applnId, year, countries, List.of("AGRI"), "R1", "c1", Map.of(), Map.of()), 0L));
        }

        void retract(long applnId) {
            processor.process(new Record<>(Long.toString(applnId), (ClassifiedPatent) null, 0L));
        }

        List<YearChanges<ExactFraction>> forwarded() {
            // The changes only, not the task's progress (a child of its own).
            return context.forwarded().stream()
                    .filter(forward -> forward.childName().equals(java.util.Optional.of(PATENT.changesByYearEntry())))
                    .<YearChanges<ExactFraction>>map(forward -> forward.record().value()).toList();
        }

        /** Runs the forward punctuator once and returns what it forwarded. */
        List<YearChanges<ExactFraction>> forward() {
            context.resetForwards();
            context.scheduledPunctuators().get(0).getPunctuator().punctuate(0L);
            return forwarded();
        }
    }
}
