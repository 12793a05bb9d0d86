package eu.emistreams.ingest.job;

import eu.emistreams.events.KafkaClientSecurity;
import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.ingest.publish.EventSink;
import eu.emistreams.ingest.publish.EventSinkFactory;
import eu.emistreams.ingest.publish.IngestReports;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A run that was QUEUED or RUNNING when the service stopped never finishes: its report would keep the
 * pipeline unsettled forever. At start-up (the service runs as a single instance, so nothing of
 * its own is running yet) each such report is closed as FAILED; its release state was not
 * committed, so ingesting the release again publishes what it had not.
 *
 * <p>While the service runs, the same check is made every {@code emi.ingest.report-reconcile-interval}: a report left
 * QUEUED or RUNNING with no such job in this service (its final report could not be published
 * because Kafka was unreachable when the run ended) is closed as FAILED once Kafka answers again,
 * so that the pipeline does not wait for it forever.
 */
@ApplicationScoped
public class InterruptedRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** A QUEUED report is published just before its job is registered: younger ones are left alone. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    @Inject
    IngestJobs jobs;

    private final java.util.concurrent.ScheduledExecutorService reconciler =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "emi-ingest-report-reconciler");
                thread.setDaemon(true);
                return thread;
            });

    @Inject
    EventSinkFactory sinks;

    /** Used by the start-up check, then by the reconciler thread only; see {@link #runningReports()}. */
    private KafkaConsumer<String, IngestReport> consumer;
    private final Map<String, IngestReport> latest = new HashMap<>();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AvroSerdes serdes;

    @ConfigProperty(name = "emi.ingest.report-reconcile-interval", defaultValue = "30s")
    Duration reconcileInterval;

    void onStart(@Observes StartupEvent event) {
        // Nothing of this service runs yet: every open report is an interrupted run.
        close(runningReportsOrNone(), "interrupted: the ingest service stopped");
        reconciler.scheduleWithFixedDelay(this::reconcile, reconcileInterval.toMillis(), reconcileInterval.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        reconciler.shutdownNow();
        reconciler.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        closeConsumer();
    }

    /** Closes the open reports of runs this service does not have (any more). */
    void reconcile() {
        long now = System.currentTimeMillis();
        List<IngestReport> orphans = runningReportsOrNone().stream()
                .filter(report -> now - report.getStartedAt() > GRACE.toMillis())
                .filter(report -> jobs.list().stream().noneMatch(job -> job.source().equals(report.getSource())
                        && job.release().equals(report.getRelease())
                        && (job.state() == IngestJob.State.QUEUED || job.state() == IngestJob.State.RUNNING)))
                .toList();
        close(orphans, "this run ended while Kafka was unreachable, so its final report was lost");
    }

    private List<IngestReport> runningReportsOrNone() {
        try {
            return runningReports();
        } catch (RuntimeException e) {
            // Readiness reports Kafka problems; the next round tries again.
            LOG.warnf("could not read the ingest reports: %s", e.getMessage());
            return List.of();
        }
    }

    private void close(List<IngestReport> interrupted, String why) {
        if (interrupted.isEmpty()) {
            return;
        }
        try {
            try (EventSink sink = sinks.open("ingest-interrupted-runs")) {
                for (IngestReport report : interrupted) {
                    IngestReport failed = IngestReport.newBuilder(report)
                            .setStatus("FAILED")
                            .setFinishedAt(System.currentTimeMillis())
                            .setMessage(why + (JobAnnouncements.QUEUED.equals(report.getStatus())
                                    ? " before this run started" : " during this run") + "; ingest the release again")
                            .build();
                    sink.send(EventTopics.INGEST_REPORTS.name(), IngestReports.key(report.getSource(), report.getRelease()), failed);
                    LOG.warnf("closed the open report of %s release %s as FAILED: %s", report.getSource(),
                            report.getRelease(), why);
                }
                sink.flush();
            }
        } catch (RuntimeException e) {
            // Readiness reports Kafka problems; the next round tries again.
            LOG.warnf("could not close the open ingest reports: %s", e.getMessage());
        }
    }

    /**
     * The latest report of every source/release whose status is QUEUED or RUNNING. The consumer and
     * the latest reports are kept between rounds, so that each round reads only the reports
     * published since the one before; after a failure the next round reads the topic again from
     * its start. A round that cannot read to the end fails rather than answer from part of the
     * topic, where an old RUNNING report could stand for a run that has since COMPLETED.
     */
    synchronized List<IngestReport> runningReports() {
        try {
            if (consumer == null) {
                consumer = newConsumer();
                List<TopicPartition> partitions = consumer.partitionsFor(EventTopics.INGEST_REPORTS.name(), READ_TIMEOUT).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                latest.clear();
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(EventTopics.INGEST_REPORTS.name() + " not read to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, IngestReport> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                }
            }
        } catch (RuntimeException e) {
            closeConsumer();
            throw e;
        }
        return latest.values().stream()
                .filter(r -> "RUNNING".equals(r.getStatus()) || JobAnnouncements.QUEUED.equals(r.getStatus())).toList();
    }

    private KafkaConsumer<String, IngestReport> newConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putAll(KafkaClientSecurity.properties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "emi-ingest-report-reconciler");
        return new KafkaConsumer<>(props, serdes.keySerde(EventTopics.INGEST_REPORTS).deserializer(),
                serdes.valueSerde(EventTopics.INGEST_REPORTS).deserializer());
    }

    private synchronized void closeConsumer() {
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("closing the reports consumer: %s", e.getMessage());
            }
            consumer = null;
        }
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        Set<TopicPartition> assigned = consumer.assignment();
        return assigned.stream().allMatch(tp -> consumer.position(tp) >= end.getOrDefault(tp, 0L));
    }
}
