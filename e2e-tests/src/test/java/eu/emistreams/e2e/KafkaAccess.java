package eu.emistreams.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Tries one Kafka operation as one principal of a secured stack and says what the broker
 * answered: "allowed", or the simple name of the exception it refused with (e.g.
 * TopicAuthorizationException, SaslAuthenticationException, or "no answer" when it did not
 * answer within the timeout). Nothing of an allowed write is attempted: the writes tried are
 * expected to be refused, and one that is not fails the test before anything is published.
 */
final class KafkaAccess {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String bootstrapServers;

    KafkaAccess(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Asks the broker for the metadata a producer needs to write {@code topic}, then writes one record. */
    String write(Map<String, Object> credentials, String topic) {
        Map<String, Object> config = client(credentials);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        // Kafka wants delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            // partitionsFor fails on a topic the principal may not describe, before anything is sent.
            producer.partitionsFor(topic);
            producer.send(new ProducerRecord<>(topic, "access-probe".getBytes(), null)).get(TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
            return "allowed";
        } catch (ExecutionException e) {
            return refusal(e.getCause());
        } catch (RuntimeException | TimeoutException e) {
            return refusal(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@code topic} from its start without a consumer group: "allowed" once a poll answers. */
    String read(Map<String, Object> credentials, String topic) {
        Map<String, Object> config = client(credentials);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty() || consumer.position(partition) > 0) {
                    return "allowed";
                }
            }
            return "nothing read";
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    String createTopic(Map<String, Object> credentials, String topic) {
        return admin(credentials, admin -> admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all());
    }

    String listTopics(Map<String, Object> credentials) {
        return admin(credentials, admin -> admin.listTopics().names());
    }

    private String admin(Map<String, Object> credentials,
            java.util.function.Function<Admin, org.apache.kafka.common.KafkaFuture<?>> operation) {
        Map<String, Object> config = client(credentials);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            operation.apply(admin).get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            return "allowed";
        } catch (ExecutionException e) {
            return refusal(e.getCause());
        } catch (TimeoutException e) {
            return refusal(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> client(Map<String, Object> credentials) {
        Map<String, Object> config = new HashMap<>(credentials);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    private static String refusal(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof org.apache.kafka.common.errors.ApiException)) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "no answer";
        }
        return cause.getClass().getSimpleName();
    }
}
