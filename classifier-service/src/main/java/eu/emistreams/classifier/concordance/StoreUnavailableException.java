package eu.emistreams.classifier.concordance;

/** A state store cannot be queried yet (start-up, rebalance); the caller may retry shortly. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
