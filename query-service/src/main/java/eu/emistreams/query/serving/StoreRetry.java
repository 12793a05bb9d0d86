package eu.emistreams.query.serving;

import eu.emistreams.query.config.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.jboss.logging.Logger;

/**
 * Bounded retries with exponential backoff around a store access. A store that is restoring,
 * migrating in a rebalance or not started yet is a normal state; after the last attempt it is
 * answered 503 with {@code Retry-After}, never waited on forever.
 */
@ApplicationScoped
public class StoreRetry {

    private static final Logger LOG = Logger.getLogger(StoreRetry.class);

    @Inject
    QueryConfig config;

    public <T> T call(String what, Supplier<T> access) {
        QueryConfig.StoreRetry retry = config.storeRetry();
        Duration backoff = retry.initialBackoff();
        RuntimeException last = null;
        long deadline = System.nanoTime() + retry.budget().toNanos();
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            try {
                return access.get();
            } catch (InvalidStateStoreException | StoreUnavailableException e) {
                last = e;
                LOG.debugf("%s not available (attempt %d of %d): %s", what, attempt, retry.attempts(), e.getMessage());
            }
            if (attempt < retry.attempts() && System.nanoTime() + backoff.toNanos() < deadline) {
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), retry.maxBackoff());
            } else {
                break;
            }
        }
        int retryAfter = last instanceof StoreUnavailableException unavailable
                ? Math.max(unavailable.retryAfterSeconds(), retry.retryAfterSeconds())
                : retry.retryAfterSeconds();
        throw new StoreUnavailableException(what + " not available yet: " + last.getMessage(), retryAfter, last);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for a store", 1, e);
        }
    }
}
