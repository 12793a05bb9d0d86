package eu.emistreams.classifier.concordance;

import eu.emistreams.classifier.rules.RuleSet;
import eu.emistreams.classifier.rules.Scheme;
import eu.emistreams.classifier.topology.ClassifierTopology;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.concordance.Concordance;
import eu.emistreams.events.concordance.ConcordanceRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import eu.emistreams.events.VariantNames;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers which concordance is in force: the record of the global store {@code concordance}, or the
 * shipped one while none was ever loaded.
 */
@ApplicationScoped
public class ConcordanceInForce {

    private static final int ATTEMPTS = 5;
    private static final long FIRST_BACKOFF_MS = 50;

    @Inject
    KafkaStreams streams;

    @Inject
    ShippedConcordance shipped;

    /**
     * @throws StoreUnavailableException when the global store stays unqueryable over a few
     *     short retries
     */
    public Summary summary() {
        return published().map(Summary::of).orElseGet(() -> Summary.of(shipped.rules()));
    }

    /** The version every task must apply. */
    public String version() {
        return summary().version();
    }

    /** The published concordance, empty while none was loaded. */
    public Optional<Concordance> published() {
        return withStore(store -> Optional.ofNullable(store.get(EventTopics.CONCORDANCE_KEY)));
    }

    /** The variant rule sets loaded beside the concordance in force, by name. */
    public SortedMap<String, Concordance> variants() {
        return withStore(store -> {
            SortedMap<String, Concordance> variants = new TreeMap<>();
            try (KeyValueIterator<String, Concordance> entries =
                    store.range(EventTopics.VARIANT_KEY_PREFIX, EventTopics.VARIANT_KEY_PREFIX + "~")) {
                entries.forEachRemaining(entry -> VariantNames.ofConcordanceKey(entry.key)
                        .filter(name -> entry.value != null)
                        .ifPresent(name -> variants.put(name, entry.value)));
            }
            return variants;
        });
    }

    private <T> T withStore(Function<ReadOnlyKeyValueStore<String, Concordance>, T> read) {
        InvalidStateStoreException last = null;
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                ReadOnlyKeyValueStore<String, Concordance> store = streams.store(StoreQueryParameters.fromNameAndType(
                        ClassifierTopology.CONCORDANCE_STORE, QueryableStoreTypes.keyValueStore()));
                return read.apply(store);
            } catch (InvalidStateStoreException e) {
                last = e;
            }
            if (attempt < ATTEMPTS) {
                sleep(backoff);
                backoff *= 2;
            }
        }
        throw new StoreUnavailableException("the concordance store is not queryable yet (Kafka Streams is "
                + streams.state() + ")", last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the concordance store", e);
        }
    }

    /** What a user needs to know about a concordance without its rules. */
    public record Summary(String version, String name, Instant loadedAt, boolean shippedDefault, int rules,
            Map<String, Integer> rulesPerScheme) {

        public static Summary of(Concordance record) {
            Map<String, Integer> perScheme = emptyCounts();
            for (ConcordanceRule rule : record.getRules()) {
                perScheme.merge(rule.getScheme(), 1, Integer::sum);
            }
            return new Summary(record.getVersion(), record.getName(), Instant.ofEpochMilli(record.getLoadedAt()),
                    false, record.getRules().size(), perScheme);
        }

        static Summary of(RuleSet shipped) {
            Map<String, Integer> perScheme = emptyCounts();
            shipped.countsByScheme().forEach((scheme, count) -> perScheme.put(scheme.name(), count));
            return new Summary(shipped.version(), shipped.name(), null, true, shipped.rules().size(), perScheme);
        }

        private static Map<String, Integer> emptyCounts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Scheme scheme : Scheme.values()) {
                counts.put(scheme.name(), 0);
            }
            return counts;
        }
    }
}
