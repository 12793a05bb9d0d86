package eu.emistreams.classifier.concordance;

import eu.emistreams.classifier.topology.ClassifierTopology;
import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.KafkaClientSecurity;
import eu.emistreams.events.progress.StageProgress;
import eu.emistreams.streams.progress.ProgressFollower;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Knows whether a concordance version is applied by every task of the classifier, on whichever
 * instance it runs: each task writes the version it applied to its entry on emi.progress in the
 * transaction that completes the re-classification, and this reads them back
 * ({@link ProgressFollower}) and checks them against one task per partition of each source topic
 * ({@link ConcordanceApplication}). No instance asks another, so none needs to be reachable by
 * the others; {@code PUT /api/concordance} waits on it.
 */
@ApplicationScoped
public class ConcordanceRollout {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    @Inject
    AvroSerdes serdes;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private ProgressFollower follower;

    void start(@Observes StartupEvent started) {
        Map<String, Object> config = new HashMap<>(KafkaClientSecurity.properties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "emi-classifier-rollout");
        follower = new ProgressFollower(config, serdes.valueSerde(StageProgress.class).deserializer(),
                new HashSet<>(ClassifierTopology.SOURCE_TOPIC_BY_PROCESSOR.values()), POLL_INTERVAL);
        follower.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (follower != null) {
            follower.stop();
        }
    }

    /** The tasks that have not applied {@code version}; empty when every one has. */
    public List<String> notApplied(String version) {
        return notApplied(entries -> ConcordanceApplication.notApplied(entries, partitionsByProcessor(), version));
    }

    /**
     * The tasks that have not applied version {@code version} of variant {@code variant} (for a null
     * version: that still apply the dropped variant); empty when every one has.
     */
    public List<String> notAppliedVariant(String variant, String version) {
        return notApplied(entries -> ConcordanceApplication.notAppliedVariant(entries, partitionsByProcessor(), variant,
                version));
    }

    /** Polls until every task applies {@code version} of {@code variant} (null: dropped) or the timeout passes. */
    public boolean awaitVariantAppliedEverywhere(String variant, String version, Duration timeout) {
        return await(() -> notAppliedVariant(variant, version).isEmpty(), timeout);
    }

    private Map<String, Integer> partitionsByProcessor() {
        Map<String, Integer> partitionsByProcessor = new HashMap<>();
        ProgressFollower.Reading reading = follower.latest().orElseThrow();
        ClassifierTopology.SOURCE_TOPIC_BY_PROCESSOR.forEach((processor, topic) ->
                partitionsByProcessor.put(processor, reading.partitions(topic)));
        return partitionsByProcessor;
    }

    private List<String> notApplied(Function<Collection<StageProgress>, List<String>> rule) {
        Optional<ProgressFollower.Reading> reading = follower == null ? Optional.empty() : follower.latest();
        if (reading.isEmpty()) {
            return List.of("emi.progress not read up to date yet");
        }
        return rule.apply(reading.get().entries().values());
    }

    /** Whether every task of the classifier has applied {@code version}. */
    public boolean appliedEverywhere(String version) {
        return notApplied(version).isEmpty();
    }

    /** Polls until {@code version} is applied everywhere or the timeout passes. */
    public boolean awaitAppliedEverywhere(String version, Duration timeout) {
        return await(() -> appliedEverywhere(version), timeout);
    }

    private static boolean await(BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (done.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
