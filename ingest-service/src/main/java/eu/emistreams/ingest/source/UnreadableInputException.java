package eu.emistreams.ingest.source;

import java.io.IOException;

/**
 * Input that cannot be read as a whole: a missing file or column, a broken archive or gzip
 * stream. The message is one line that names the file and the reason; the job fails on it
 * before anything is published.
 */
public class UnreadableInputException extends IOException {

    public UnreadableInputException(String message) {
        super(message);
    }

    public UnreadableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
