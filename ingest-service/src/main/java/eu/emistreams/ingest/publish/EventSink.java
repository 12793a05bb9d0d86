package eu.emistreams.ingest.publish;

import org.apache.avro.specific.SpecificRecord;

/**
 * Where an ingest run publishes: Kafka in the service, a list in unit tests. Sends may be
 * asynchronous; {@link #flush()} returns once everything sent is acknowledged, or throws the
 * first failure, so a run commits its state only after a successful flush. A send after a
 * failure throws at once: there is no point pushing a release into a broken producer.
 */
public interface EventSink extends AutoCloseable {

    /** @param value the event, or null for a tombstone */
    void send(String topic, String key, SpecificRecord value);

    void flush();

    @Override
    void close();

    /** A send that the broker or the registry did not accept. */
    class PublishException extends RuntimeException {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
