package eu.emistreams.streams;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * A stream thread that dies (after a broker outage its member was fenced: CommitFailedException,
 * InvalidTxnStateException) is replaced instead of shutting the whole client down, Kafka Streams'
 * default, which left the service running but processing nothing. Exactly-once makes a replaced
 * thread resume from the last commit. A failure that comes back at once is not transient: after
 * {@link #MAX_REPLACEMENTS} replacements within {@link #WINDOW} the client is shut down, so that
 * its liveness check (Quarkus' Kafka Streams state) says DOWN and the pod is restarted, rather
 * than threads being replaced forever. Quarkus installs this bean on its KafkaStreams.
 */
@ApplicationScoped
public class ReplaceFailedStreamThreads implements StreamsUncaughtExceptionHandler {

    static final int MAX_REPLACEMENTS = 10;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(ReplaceFailedStreamThreads.class);

    private final Clock clock;
    private final Deque<Long> recentReplacements = new ArrayDeque<>();

    public ReplaceFailedStreamThreads() {
        this(Clock.systemUTC());
    }

    ReplaceFailedStreamThreads(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        long now = clock.millis();
        while (!recentReplacements.isEmpty() && recentReplacements.peekFirst() <= now - WINDOW.toMillis()) {
            recentReplacements.removeFirst();
        }
        if (recentReplacements.size() >= MAX_REPLACEMENTS) {
            LOG.errorf(exception, "a stream thread failed for the %d. time within %s; shutting the client down: %s",
                    MAX_REPLACEMENTS + 1, WINDOW, exception.getMessage());
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recentReplacements.addLast(now);
        LOG.errorf(exception, "a stream thread failed; replacing it: %s", exception.getMessage());
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
