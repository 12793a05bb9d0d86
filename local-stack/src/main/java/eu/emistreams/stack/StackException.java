package eu.emistreams.stack;

/** A failure the launcher reports as one line, without a stack trace. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
