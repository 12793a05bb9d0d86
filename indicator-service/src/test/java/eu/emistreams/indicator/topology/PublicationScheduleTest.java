package eu.emistreams.indicator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When a dirty year is due: after a short quiet period, a longer one after a bulk of changes, or the maximum delay. */
class PublicationScheduleTest {

    private static final PublicationSchedule SCHEDULE = new PublicationSchedule(Duration.ofMillis(100),
            Duration.ofMillis(100), Duration.ofSeconds(30), 1000, Duration.ofSeconds(1));

    @Test
    void aSingleChangeIsDueAfterTheQuietPeriod() {
        YearStatus status = YearStatus.initial().changedAt(10_000);
        assertEquals(1, status.changes());
        assertFalse(status.due(10_099, SCHEDULE));
        assertTrue(status.due(10_100, SCHEDULE));
    }

    @Test
    void aBulkOfChangesWaitsForTheBulkQuietPeriod() {
        YearStatus status = YearStatus.initial();
        for (int change = 0; change < 1000; change++) {
            status = status.changedAt(10_000 + change);
        }
        long lastChange = 10_999;
        assertEquals(1000, status.changes());
        assertEquals(10_000, status.dirtySinceMs());
        assertFalse(status.due(lastChange + 100, SCHEDULE));
        assertFalse(status.due(lastChange + 999, SCHEDULE));
        assertTrue(status.due(lastChange + 1000, SCHEDULE));
    }

    @Test
    void aSteadyFlowIsPublishedAfterTheMaximumDelay() {
        YearStatus status = YearStatus.initial();
        for (long now = 0; now + 50 < 30_000; now += 50) {
            status = status.changedAt(now);
            assertFalse(status.due(now + 50, SCHEDULE), "due at " + (now + 50));
        }
        // Changed 10 ms ago, so not quiet, but dirty since 0: the maximum delay has come.
        assertTrue(status.changedAt(29_990).due(30_000, SCHEDULE));
    }

    @Test
    void publishingStartsTheCountAgain() {
        YearStatus status = YearStatus.initial();
        for (int change = 0; change < 1500; change++) {
            status = status.changedAt(change);
        }
        YearStatus published = status.published();
        assertFalse(published.dirty());
        assertFalse(published.due(100_000, SCHEDULE));
        YearStatus next = published.changedAt(200_000);
        assertEquals(1, next.changes());
        assertTrue(next.due(200_100, SCHEDULE));
    }

    @Test
    void aBulkQuietPeriodShorterThanTheQuietPeriodIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PublicationSchedule(Duration.ofMillis(100),
                Duration.ofMillis(500), Duration.ofSeconds(30), 1000, Duration.ofMillis(200)));
    }
}
