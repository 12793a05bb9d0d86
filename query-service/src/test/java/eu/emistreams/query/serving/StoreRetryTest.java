package eu.emistreams.query.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.query.testing.TestQueryConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;

class StoreRetryTest {

    private static StoreRetry retry(int attempts, Duration budget) {
        StoreRetry retry = new StoreRetry();
        retry.config = new TestQueryConfig(attempts, budget);
        return retry;
    }

    @Test
    void aStoreThatBecomesReadyIsAnswered() {
        AtomicInteger calls = new AtomicInteger();
        String answer = retry(5, Duration.ofSeconds(2)).call("store", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new InvalidStateStoreException("migrating");
            }
            return "ok";
        });
        assertEquals("ok", answer);
        assertEquals(3, calls.get());
    }

    @Test
    void aStoreThatStaysUnavailableGivesUpAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> retry(4, Duration.ofSeconds(2)).call("the indicators store", () -> {
                    calls.incrementAndGet();
                    throw new InvalidStateStoreException("restoring");
                }));
        assertEquals(4, calls.get());
        assertEquals(1, e.retryAfterSeconds());
        assertTrue(e.getMessage().contains("the indicators store") && e.getMessage().contains("restoring"), e.getMessage());
    }

    @Test
    void noAttemptStartsAfterTheBudget() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(StoreUnavailableException.class, () -> retry(100, Duration.ofMillis(100)).call("store", () -> {
            calls.incrementAndGet();
            throw new StoreUnavailableException("instance down", 3, null);
        }));
        assertTrue(calls.get() < 10, "attempts: " + calls.get());
    }

    @Test
    void theLongestRetryAfterAskedForIsKept() {
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> retry(2, Duration.ofSeconds(1)).call("store", () -> {
                    throw new StoreUnavailableException("broker slow", 3, null);
                }));
        assertEquals(3, e.retryAfterSeconds());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> retry(5, Duration.ofSeconds(1)).call("store", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("bug");
        }));
        assertEquals(1, calls.get());
    }
}
