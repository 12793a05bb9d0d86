package eu.emistreams.bench;

/** A failure of the benchmark that the command reports as one line, without a stack trace. */
public class BenchException extends RuntimeException {

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
