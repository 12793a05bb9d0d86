package eu.emistreams.indicator.pacing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.progress.InputOffset;
import eu.emistreams.events.progress.StageProgress;
import eu.emistreams.stack.test.EmiStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The backlog against the real broker: records of a source past the offsets the classifier's
 * tasks reported on emi.progress make the source busy once there are more than the threshold,
 * and no longer once the tasks report having processed them. The classifier does not run here:
 * its tasks' entries are written as its tasks would write them.
 */
@QuarkusTest
@QuarkusTestResource(value = EmiStackTestResource.class, restrictToAnnotatedClass = false)
class UpstreamBacklogIT {

    private static final Duration SEEN = Duration.ofSeconds(30);

    @Inject
    UpstreamBacklog backlog;

    @Inject
    AvroSerdes serdes;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "emi.indicator.backlog.threshold")
    long threshold;

    @Test
    void recordsTheClassifierTasksHaveNotReportedMakeTheirSourceBusyUntilTheyHave() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
                KafkaProducer<String, StageProgress> progress = progressProducer()) {
            Map<TopicPartition, Long> start = endOffsets(admin);
            produce((int) threshold + 500);
            try {
                // The classifier's tasks have processed nothing that was just written.
                report(progress, start);
                await().atMost(SEEN).until(() -> backlog.backlogged("patstat"));
                assertEquals(threshold + 500, backlog.waiting("patstat"), "exactly the records past the reported offsets");
                assertFalse(backlog.backlogged("comtrade"), "a backlog of PATSTAT events makes only PATSTAT busy");
                report(progress, endOffsets(admin));
                await().atMost(SEEN).until(() -> !backlog.backlogged("patstat"));
                assertEquals(0, backlog.waiting("patstat"));
            } finally {
                // Whatever happened above, leave no entry to make the other tests' records look waiting.
                for (TopicPartition partition : start.keySet()) {
                    progress.send(new ProducerRecord<>(EventTopics.PROGRESS.name(), key(partition), null));
                }
                progress.flush();
            }
        }
    }

    private static String key(TopicPartition partition) {
        return "classifier/classify-patents/0_" + partition.partition();
    }

    /** What each classifier task of the PATSTAT events would write once at {@code next}. */
    private static void report(KafkaProducer<String, StageProgress> progress, Map<TopicPartition, Long> next) {
        next.forEach((partition, offset) -> progress.send(new ProducerRecord<>(EventTopics.PROGRESS.name(), key(partition),
                new StageProgress("classifier", "classify-patents", "0_" + partition.partition(), false, "", null,
                        System.currentTimeMillis(),
                        List.of(new InputOffset(partition.topic(), partition.partition(), offset)), Map.of()))));
        progress.flush();
    }

    private KafkaProducer<String, StageProgress> progressProducer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaProducer<>(config, new StringSerializer(), serdes.valueSerde(StageProgress.class).serializer());
    }

    private void produce(int records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            // Only offsets count: the bytes are never read by anyone here.
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(EventTopics.PATSTAT_APPLICATIONS.name(), "backlog-" + i, new byte[] {0}));
            }
            producer.flush();
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        var partitions = admin.describeTopics(List.of(EventTopics.PATSTAT_APPLICATIONS.name())).allTopicNames().get()
                .get(EventTopics.PATSTAT_APPLICATIONS.name()).partitions();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(info -> request.put(new TopicPartition(EventTopics.PATSTAT_APPLICATIONS.name(), info.partition()),
                OffsetSpec.latest()));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }
}
