package eu.emistreams.query.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * A stream thread that dies (after a broker outage its member was fenced: CommitFailedException,
 * InvalidTxnStateException) is replaced instead of shutting the whole client down, Kafka
 * Streams' default, which left the service running but processing nothing. Exactly-once makes a
 * replaced thread resume from the last commit. Quarkus installs this bean on its KafkaStreams.
 */
@ApplicationScoped
public class ReplaceFailedStreamThreads implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(ReplaceFailedStreamThreads.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        LOG.errorf(exception, "a stream thread failed; replacing it: %s", exception.getMessage());
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
