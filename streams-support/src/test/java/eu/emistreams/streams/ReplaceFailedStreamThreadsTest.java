package eu.emistreams.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ReplaceFailedStreamThreadsTest {

    private static final RuntimeException FENCED = new IllegalStateException("fenced");

    @Test
    void aFailedThreadIsReplacedUpToTheLimitWithinTheWindowThenTheClientShutsDown() {
        MutableClock clock = new MutableClock();
        ReplaceFailedStreamThreads handler = new ReplaceFailedStreamThreads(clock);
        for (int i = 0; i < ReplaceFailedStreamThreads.MAX_REPLACEMENTS; i++) {
            assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(FENCED), "failure " + (i + 1));
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, handler.handle(FENCED));
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        MutableClock clock = new MutableClock();
        ReplaceFailedStreamThreads handler = new ReplaceFailedStreamThreads(clock);
        for (int i = 0; i < ReplaceFailedStreamThreads.MAX_REPLACEMENTS; i++) {
            handler.handle(FENCED);
        }
        clock.advance(ReplaceFailedStreamThreads.WINDOW);
        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(FENCED),
                "the window has passed since the earlier failures");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
