package eu.emistreams.query.factsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import eu.emistreams.query.serving.StoreUnavailableException;
import eu.emistreams.query.serving.UnknownValueException;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event stream of a live page: the current version first, then one event per change, none for repeats. */
class FactSheetChangesTest {

    private static FactSheetData withAgriShare(double share) {
        List<IndicatorRowWithProvenance> rows = List.of(FactSheetFixture.row(FactSheetAssembler.COUNTRY_SHARE, "AGRI", 2020, share));
        return FactSheetAssembler.assemble("BE", rows);
    }

    /** Answers the queued data one check after another, the last one from then on; empty is "not ready". */
    private static final class QueuedSheets extends FactSheetService {

        private final Deque<Optional<FactSheetData>> answers;

        QueuedSheets(List<Optional<FactSheetData>> answers) {
            this.answers = new ArrayDeque<>(answers);
        }

        @Override
        public synchronized FactSheetData data(String country) {
            Optional<FactSheetData> next = answers.size() > 1 ? answers.poll() : answers.peek();
            return next.orElseThrow(() -> new StoreUnavailableException("restoring", 1, null));
        }
    }

    @Test
    void emitsTheCurrentVersionThenEachChangeOnce() {
        FactSheetData first = withAgriShare(1.0);
        FactSheetData second = withAgriShare(2.0);
        FactSheetChanges changes = new FactSheetChanges();
        changes.sheets = new QueuedSheets(List.of(Optional.of(first), Optional.of(first), Optional.empty(),
                Optional.of(first), Optional.of(second)));
        changes.pollInterval = Duration.ofMillis(20);

        AssertSubscriber<String> subscriber = changes.versions("be").subscribe().withSubscriber(AssertSubscriber.create(10));
        subscriber.awaitItems(2, Duration.ofSeconds(10));
        assertEquals(List.of(first.version(), second.version()), subscriber.getItems());
        subscriber.cancel();
    }

    @Test
    void anUnknownCountryIsRefusedBeforeAnyEvent() {
        FactSheetChanges changes = new FactSheetChanges();
        assertThrows(UnknownValueException.class, () -> changes.versions("XX"));
        assertThrows(UnknownValueException.class, () -> changes.versions("US"));
    }
}
