package eu.emistreams.ingest.job;

import eu.emistreams.events.KafkaClientSecurity;
import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.Topics;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.ingest.publish.EventSink;
import eu.emistreams.ingest.publish.EventSinkFactory;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A run that was RUNNING when the service stopped never finishes: its report would keep the
 * pipeline unsettled forever. At start-up (the service runs as a single instance, so nothing of
 * its own is running yet) each such report is closed as FAILED; its release state was not
 * committed, so ingesting the release again publishes what it had not.
 */
@ApplicationScoped
public class InterruptedRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    EventSinkFactory sinks;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "emi.registry.url")
    String registryUrl;

    void onStart(@Observes StartupEvent event) {
        try {
            List<IngestReport> interrupted = runningReports();
            if (interrupted.isEmpty()) {
                return;
            }
            try (EventSink sink = sinks.open("ingest-interrupted-runs")) {
                for (IngestReport report : interrupted) {
                    IngestReport failed = IngestReport.newBuilder(report)
                            .setStatus("FAILED")
                            .setFinishedAt(System.currentTimeMillis())
                            .setMessage("interrupted: the ingest service stopped during this run; ingest the release again")
                            .build();
                    sink.send(Topics.INGEST_REPORTS, report.getSource() + "/" + report.getRelease(), failed);
                    LOG.warnf("closed the interrupted ingest of %s release %s as FAILED", report.getSource(),
                            report.getRelease());
                }
                sink.flush();
            }
        } catch (RuntimeException e) {
            // Readiness reports Kafka problems; a stale report is not worth refusing to start.
            LOG.warnf("could not check for interrupted ingest runs: %s", e.getMessage());
        }
    }

    /** The latest report of every source/release whose status is RUNNING. */
    List<IngestReport> runningReports() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putAll(KafkaClientSecurity.properties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroSerdes serdes = new AvroSerdes(registryUrl);
        Map<String, IngestReport> latest = new HashMap<>();
        try (KafkaConsumer<String, IngestReport> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                serdes.valueSerde(IngestReport.class).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INGEST_REPORTS, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, IngestReport> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                }
            }
        }
        return latest.values().stream().filter(r -> "RUNNING".equals(r.getStatus())).toList();
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        Set<TopicPartition> assigned = consumer.assignment();
        return assigned.stream().allMatch(tp -> consumer.position(tp) >= end.getOrDefault(tp, 0L));
    }
}
