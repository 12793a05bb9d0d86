package eu.emistreams.indicator.publish;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.indicator.store.StateStoreKind;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Which sources have a release being read right now: the latest status of every ingest report on
 * {@code emi.ingest.reports} (key {@code source/release}), in a global store every task reads.
 *
 * <p>While a release of a source is read, the source's years wait for its end rather than being
 * recomputed at every pause of the flow: under a bulk load the pauses are many (the CPU is shared
 * with the ingest), and each one republished every value of the year (3.7 times per value during
 * a backfill, docs/benchmarks.md). Analysts see values move from one release to the next without
 * the half-read states in between.
 */
public final class IngestActivity {

    public static final String STORE = "ingest-activity";
    static final String SOURCE = "ingest-reports-source";
    static final String UPDATE = "ingest-activity-update";

    private static final String RUNNING = "RUNNING";
    private static final char SEPARATOR = '|';
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

    private IngestActivity() {
    }

    /** Adds the global store; after every other node, so that the sub-topologies keep their ids. */
    public static void addTo(StreamsBuilder builder, Serde<IngestReport> ingestReport, StateStoreKind storeKind) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(storeKind.keyValue(STORE), Serdes.String(), Serdes.String())
                        .withLoggingDisabled(),
                EventTopics.INGEST_REPORTS.name(),
                Consumed.with(Serdes.String(), ingestReport).withName(SOURCE),
                () -> new Processor<String, IngestReport, Void, Void>() {
                    private KeyValueStore<String, String> statuses;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        statuses = context.getStateStore(STORE);
                    }

                    @Override
                    public void process(Record<String, IngestReport> report) {
                        if (report.key() == null) {
                            return;
                        }
                        if (report.value() == null) {
                            statuses.delete(report.key());
                        } else {
                            statuses.put(report.key(), report.value().getStatus() + SEPARATOR + report.value().getStartedAt());
                        }
                    }
                });
    }

    /** Whether a release of {@code source} is being read: one of its reports says RUNNING. */
    static boolean reading(KeyValueStore<String, String> statuses, String source) {
        try (KeyValueIterator<String, String> reports = statuses.prefixScan(source + "/", PREFIX_SERIALIZER)) {
            while (reports.hasNext()) {
                if (RUNNING.equals(status(reports.next().value))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The release of {@code source} ingested last: the one whose run started last, ties by name (the
     * order of {@code GET /api/status}); empty when none was reported. A value changed only by
     * removals is attributed to it: a tombstone carries no release, and the one being or last
     * ingested is the one that removed the records.
     */
    public static Optional<String> latestRelease(KeyValueStore<String, String> statuses, String source) {
        String prefix = source + "/";
        String latest = null;
        long latestStart = Long.MIN_VALUE;
        try (KeyValueIterator<String, String> reports = statuses.prefixScan(prefix, PREFIX_SERIALIZER)) {
            while (reports.hasNext()) {
                KeyValue<String, String> report = reports.next();
                String release = report.key.substring(prefix.length());
                long started = startedAt(report.value);
                if (latest == null || started > latestStart || (started == latestStart && release.compareTo(latest) > 0)) {
                    latest = release;
                    latestStart = started;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /** A stored value is {@code STATUS|startedAt}; a store written before the start was kept holds the status alone. */
    private static String status(String stored) {
        int separator = stored.indexOf(SEPARATOR);
        return separator < 0 ? stored : stored.substring(0, separator);
    }

    private static long startedAt(String stored) {
        int separator = stored.indexOf(SEPARATOR);
        return separator < 0 ? 0 : Long.parseLong(stored.substring(separator + 1));
    }
}
