package eu.emistreams.classifier.concordance;

import eu.emistreams.events.KafkaClientSecurity;
import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.concordance.Concordance;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Publishes a validated concordance on emi.concordance: the rules in force under {@code active}, a variant under {@code variant/NAME}. */
@ApplicationScoped
public class ConcordancePublisher {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AvroSerdes serdes;

    private KafkaProducer<String, Concordance> producer;

    /**
     * Sends the record and waits for the broker's acknowledgement.
     *
     * @throws PublishFailedException when the broker or the registry cannot take it in time
     */
    public void publish(Concordance concordance) {
        publish(EventTopics.CONCORDANCE_KEY, concordance);
    }

    /**
     * Sends a record under {@code key} ({@code active}, or {@code variant/NAME}; a null
     * {@code concordance} is the tombstone that drops a variant) and waits for the acknowledgement.
     *
     * @throws PublishFailedException when the broker or the registry cannot take it in time
     */
    public void publish(String key, Concordance concordance) {
        try {
            producer().send(new ProducerRecord<>(EventTopics.CONCORDANCE.name(), key, concordance))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing the concordance", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new PublishFailedException("could not publish the concordance to " + EventTopics.CONCORDANCE.name() + ": "
                    + cause.getMessage(), cause);
        }
    }

    private synchronized KafkaProducer<String, Concordance> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.putAll(KafkaClientSecurity.properties());
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "emi-classifier-concordance-publisher");
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            // Fail a request within the HTTP call rather than after the default two minutes.
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
            producer = new KafkaProducer<>(config, serdes.keySerde(EventTopics.CONCORDANCE).serializer(),
                    serdes.valueSerde(EventTopics.CONCORDANCE).serializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** The concordance could not be published; nothing changed. */
    public static class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
