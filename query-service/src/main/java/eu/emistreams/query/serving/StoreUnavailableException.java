package eu.emistreams.query.serving;

/**
 * A store, an instance or the broker that an answer needs is not available yet: a normal state
 * during start-up, restore and rebalances, answered 503 with {@code Retry-After}.
 */
public class StoreUnavailableException extends RuntimeException {

    private final int retryAfterSeconds;

    public StoreUnavailableException(String detail, int retryAfterSeconds, Throwable cause) {
        super(detail, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
