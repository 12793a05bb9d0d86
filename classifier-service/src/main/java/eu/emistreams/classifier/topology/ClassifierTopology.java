package eu.emistreams.classifier.topology;

import eu.emistreams.classifier.rules.Classifier;
import eu.emistreams.classifier.rules.RuleSet;
import eu.emistreams.events.Topics;
import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.concordance.Concordance;
import eu.emistreams.events.patstat.PatentApplication;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The classifier: every patent application of emi.patstat.applications becomes a ClassifiedPatent
 * on emi.patents.classified, tagged under the concordance in force (the global store
 * {@value #CONCORDANCE_STORE}, or the shipped default while none was loaded). When the concordance
 * changes, each task re-emits every application of its store under the new one.
 *
 * <pre>
 * emi.patstat.applications ─► table patstat-applications ─► classify-patents ─► emi.patents.classified
 *                                                               ▲      │
 * emi.concordance ─► global table concordance ──────────────────┘      └─ classifier-progress
 * </pre>
 *
 * <p>Store, processor and topic names are a public contract: renaming one rebuilds state.
 */
public final class ClassifierTopology {

    public static final String APPLICATION_ID = "emi-classifier";

    /** The applications of the task's partitions; with optimization its changelog is the source topic. */
    public static final String APPLICATIONS_STORE = "patstat-applications";
    /** The concordance in force, under key {@link Topics#CONCORDANCE_KEY}. */
    public static final String CONCORDANCE_STORE = "concordance";
    /** Per task: the concordance version applied and the progress of a re-classification. */
    public static final String PROGRESS_STORE = "classifier-progress";

    static final String APPLICATIONS_SOURCE = "patstat-applications-source";
    static final String APPLICATIONS_CHANGES = "patstat-applications-changes";
    static final String CONCORDANCE_SOURCE = "concordance-source";
    static final String CLASSIFY = "classify-patents";
    static final String CLASSIFIED_SINK = "patents-classified-sink";

    private ClassifierTopology() {
    }

    /**
     * Builds the topology with source-topic reuse for the applications table (no second copy of
     * the applications in a changelog topic), hence the optimization passed to the builder.
     */
    public static Topology build(ClassifierSerdes serdes, RuleSet shippedRules, AppliedConcordances applied,
            ReclassificationSettings settings) {
        Classifier shipped = Classifier.compile(shippedRules);
        StreamsBuilder builder = new StreamsBuilder();

        builder.globalTable(Topics.CONCORDANCE,
                Consumed.with(Serdes.String(), serdes.concordance()).withName(CONCORDANCE_SOURCE),
                Materialized.<String, Concordance, KeyValueStore<Bytes, byte[]>>as(CONCORDANCE_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(serdes.concordance())
                        // One small record; the cache would only delay what the tasks see.
                        .withCachingDisabled());

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PROGRESS_STORE), Serdes.String(), Serdes.String())
                .withCachingDisabled());

        builder.table(Topics.PATSTAT_APPLICATIONS,
                        Consumed.with(Serdes.String(), serdes.applications()).withName(APPLICATIONS_SOURCE),
                        Materialized.<String, PatentApplication, KeyValueStore<Bytes, byte[]>>as(APPLICATIONS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(serdes.applications()))
                .toStream(Named.as(APPLICATIONS_CHANGES))
                .process(() -> new PatentClassificationProcessor(shipped, applied, settings),
                        Named.as(CLASSIFY), APPLICATIONS_STORE, PROGRESS_STORE)
                .to(Topics.PATENTS_CLASSIFIED,
                        Produced.with(Serdes.String(), serdes.classified()).withName(CLASSIFIED_SINK));

        return builder.build(optimizations());
    }

    static Properties optimizations() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        return properties;
    }
}
