package eu.emistreams.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RegistryOutageRetryTest {

    /** What the registry client throws when the registry's port refuses or resets the connection. */
    private static RuntimeException registryDown(Exception cause) {
        return new RuntimeException(new java.util.concurrent.ExecutionException(cause));
    }

    @Test
    void aRegistryThatComesBackWithinTheToleranceIsWaitedFor() {
        AtomicInteger calls = new AtomicInteger();
        String result = new RegistryOutageRetry(Duration.ofSeconds(10)).call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw registryDown(calls.get() == 1 ? new ConnectException("Connection refused") : new SocketException("Connection reset"));
            }
            return "serialized";
        });
        assertEquals("serialized", result);
        assertEquals(3, calls.get());
    }

    @Test
    void aRegistryStillDownAfterTheToleranceFailsTheCallWithItsCause() {
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();
        RuntimeException down = registryDown(new ConnectException("Connection refused"));
        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> new RegistryOutageRetry(Duration.ofMillis(900)).call(() -> {
                    calls.incrementAndGet();
                    throw down;
                }));
        assertSame(down, thrown);
        assertTrue(calls.get() >= 2, "tried more than once: " + calls.get());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "gave up near the tolerance");
    }

    @Test
    void failuresThatAreNotTheConnectionAreThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        RegistryOutageRetry retry = new RegistryOutageRetry(Duration.ofSeconds(30));
        assertThrows(RuntimeException.class, () -> retry.call(() -> {
            calls.incrementAndGet();
            throw new RuntimeException("truncated payload", new EOFException());
        }));
        assertThrows(IllegalArgumentException.class, () -> retry.call(() -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("incompatible schema");
        }));
        assertEquals(2, calls.get());
    }
}
