package eu.emistreams.ingest.job;

import eu.emistreams.events.EventTopics;
import eu.emistreams.ingest.publish.EventSink;
import eu.emistreams.ingest.publish.EventSinkFactory;
import eu.emistreams.ingest.publish.IngestReports;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes an accepted job durable before the client hears of it: a QUEUED report on
 * {@code emi.ingest.reports}, acknowledged by the brokers, precedes the 202. The queue itself
 * lives in memory; if the service dies before the job has run, {@link InterruptedRuns} finds
 * the report at the next start and closes it as FAILED, so no accepted job vanishes unseen and
 * the pipeline is not called settled while a job waits.
 */
@ApplicationScoped
public class JobAnnouncements {

    public static final String QUEUED = IngestReports.QUEUED;

    private final EventSinkFactory sinks;

    public JobAnnouncements(EventSinkFactory sinks) {
        this.sinks = sinks;
    }

    /** Publishes the QUEUED report of {@code release} of {@code source} and waits for its acknowledgement. */
    public void queued(String source, String release, long submittedAtMillis) {
        try (EventSink sink = sinks.open("ingest-announcements")) {
            sink.send(EventTopics.INGEST_REPORTS.name(), IngestReports.key(source, release),
                    IngestReports.queued(source, release, submittedAtMillis));
            sink.flush();
        }
    }
}
