package eu.emistreams.events;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Rides out a registry that is restarting. The Apicurio serde looks a schema up on first use of
 * each schema and retries only an HTTP 429, so a registry down for the seconds of a restart would
 * fail an ingest or stop a Streams thread. Here a call whose failure comes from the connection
 * (refused, reset, timed out) is tried again with a growing pause, for at most the tolerance; any
 * other failure (an incompatible schema, a malformed payload) is thrown at once.
 */
final class RegistryOutageRetry {

    private static final long FIRST_PAUSE_MS = 200;
    private static final long LONGEST_PAUSE_MS = 2_000;

    private final Duration tolerance;

    RegistryOutageRetry(Duration tolerance) {
        this.tolerance = tolerance;
    }

    <T> Serializer<T> serializer(Serializer<T> delegate) {
        return new Serializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                delegate.configure(configs, isKey);
            }

            @Override
            public byte[] serialize(String topic, T data) {
                return call(() -> delegate.serialize(topic, data));
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T data) {
                return call(() -> delegate.serialize(topic, headers, data));
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }

    <T> Deserializer<T> deserializer(Deserializer<T> delegate) {
        return new Deserializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                delegate.configure(configs, isKey);
            }

            @Override
            public T deserialize(String topic, byte[] data) {
                return call(() -> delegate.deserialize(topic, data));
            }

            @Override
            public T deserialize(String topic, Headers headers, byte[] data) {
                return call(() -> delegate.deserialize(topic, headers, data));
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }

    <R> R call(Supplier<R> action) {
        long deadline = System.nanoTime() + tolerance.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!isConnectionFailure(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the schema registry", interrupted);
            }
            pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
        }
    }

    /**
     * A network failure anywhere in the causes: the registry did not answer, as opposed to
     * answering no. Other I/O errors (an EOF in a truncated payload) are not retried.
     */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketException || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof java.net.http.HttpTimeoutException
                    || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.nio.channels.ClosedChannelException
                    // Vert.x and Netty, under the registry client's HTTP adapter, have their own.
                    || cause.getClass().getName().endsWith("HttpClosedException")
                    || cause.getClass().getName().endsWith("ConnectTimeoutException")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
