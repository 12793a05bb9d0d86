package eu.emistreams.indicator.publish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.indicator.store.YearStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublicationScheduleTest {

    private static final PublicationSchedule SCHEDULE = new PublicationSchedule(Duration.ofMillis(100),
            Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofMinutes(10));

    /** Dirty since t=0, last changed at {@code lastChangeMs}. */
    private static YearStatus dirty(long lastChangeMs) {
        return new YearStatus("R1", "c1", 0, lastChangeMs);
    }

    @Test
    void aCleanYearIsNeverDue() {
        YearStatus clean = new YearStatus("R1", "c1", YearStatus.CLEAN, 0);
        assertFalse(SCHEDULE.due(clean, 3_600_000, false));
        assertFalse(SCHEDULE.due(clean, 3_600_000, true));
    }

    @Test
    void aQuietYearIsDueAfterTheQuietPeriod() {
        assertFalse(SCHEDULE.due(dirty(1_000), 1_099, false));
        assertTrue(SCHEDULE.due(dirty(1_000), 1_100, false));
    }

    @Test
    void aYearUnderASteadyFlowIsDueAfterTheMaximumDelay() {
        assertFalse(SCHEDULE.due(dirty(29_990), 29_999, false));
        assertTrue(SCHEDULE.due(dirty(29_990), 30_000, false));
    }

    @Test
    void whileTheSourceIsBusyAYearWaitsPastQuietPeriodAndDelayUpToTheMaximumHold() {
        assertFalse(SCHEDULE.due(dirty(1_000), 60_000, true));
        assertFalse(SCHEDULE.due(dirty(1_000), 599_999, true));
        assertTrue(SCHEDULE.due(dirty(1_000), 600_000, true));
    }

    @Test
    void aHoldShorterThanTheDelayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PublicationSchedule(Duration.ofMillis(100),
                Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(10)));
    }
}
