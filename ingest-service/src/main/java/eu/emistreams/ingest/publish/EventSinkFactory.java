package eu.emistreams.ingest.publish;

/** Opens one sink per ingest run, so a run's sends and its flush belong to it alone. */
public interface EventSinkFactory {

    EventSink open(String clientId);
}
