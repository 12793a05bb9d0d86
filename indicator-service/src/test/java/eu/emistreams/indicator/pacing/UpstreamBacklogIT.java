package eu.emistreams.indicator.pacing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import eu.emistreams.events.EventTopics;
import eu.emistreams.stack.test.EmiStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The backlog against the real broker: records of a source that the classifier's consumer group
 * has not committed past make the source busy once there are more than the threshold, and no
 * longer once the group has committed them. The classifier does not run here: its group's offsets
 * are set with the admin client, as its commits would set them.
 */
@QuarkusTest
@QuarkusTestResource(value = EmiStackTestResource.class, restrictToAnnotatedClass = false)
class UpstreamBacklogIT {

    private static final Duration SEEN = Duration.ofSeconds(30);

    @Inject
    UpstreamBacklog backlog;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "emi.indicator.backlog.classifier-group")
    String classifierGroup;

    @ConfigProperty(name = "emi.indicator.backlog.threshold")
    long threshold;

    @Test
    void recordsTheClassifierHasNotCommittedMakeTheirSourceBusyUntilItHas() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, Long> start = offsets(admin, OffsetSpec.latest());
            produce((int) threshold + 500);
            try {
                // The classifier has read nothing that was just written.
                commit(admin, start);
                await().atMost(SEEN).until(() -> backlog.backlogged("patstat"));
                assertFalse(backlog.backlogged("comtrade"), "a backlog of PATSTAT events makes only PATSTAT busy");
            } finally {
                // Whatever happened above, leave no backlog to hold the other tests' indicators.
                commit(admin, offsets(admin, OffsetSpec.latest()));
            }
            await().atMost(SEEN).until(() -> !backlog.backlogged("patstat"));
        }
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

    private static Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec) throws Exception {
        var partitions = admin.describeTopics(java.util.List.of(EventTopics.PATSTAT_APPLICATIONS.name())).allTopicNames().get()
                .get(EventTopics.PATSTAT_APPLICATIONS.name()).partitions();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(info -> request.put(new TopicPartition(EventTopics.PATSTAT_APPLICATIONS.name(), info.partition()), spec));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private void commit(Admin admin, Map<TopicPartition, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = offsets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> new OffsetAndMetadata(entry.getValue())));
        admin.alterConsumerGroupOffsets(classifierGroup, committed).all().get();
    }
}
