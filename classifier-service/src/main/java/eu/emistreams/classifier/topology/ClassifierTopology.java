package eu.emistreams.classifier.topology;

import eu.emistreams.classifier.rules.Classifier;
import eu.emistreams.classifier.rules.RuleSet;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.classified.ClassifiedTrade;
import eu.emistreams.events.comtrade.TradeFlow;
import eu.emistreams.events.concordance.Concordance;
import eu.emistreams.events.crunchbase.FundingRound;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.events.prodcom.ProductionObservation;
import eu.emistreams.streams.progress.TaskProgress;
import java.util.List;
import java.util.Map;
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
 * The classifier: every record of the four sources comes out tagged under the concordance in
 * force (the global store {@value #CONCORDANCE_STORE}, or the shipped default while none was
 * loaded). When the concordance changes, each task re-emits every record of its store under the
 * new one. Each source is its own sub-topology with its own tasks:
 *
 * <pre>
 * emi.patstat.applications  ─► table patstat-applications  ─► classify-patents        ─► emi.patents.classified
 * emi.comtrade.flows        ─► table comtrade-flows        ─► classify-trade-flows    ─► emi.trade.classified
 * emi.prodcom.observations  ─► table prodcom-observations  ─► classify-production     ─► emi.production.classified
 * emi.crunchbase.rounds     ─► table crunchbase-rounds     ─► classify-funding-rounds ─► emi.investment.classified
 *                                                                ▲ (each with its own progress store)
 * emi.concordance ─► global table concordance ───────────────────┘
 * </pre>
 *
 * <p>Each classifying processor also writes its task's progress to emi.progress through a sink
 * {@code <processor>-progress-sink} ({@link TaskProgress}), added to the built topology as a
 * child of the processor: it joins the processor's sub-topology and changes no other node.
 *
 * <p>Store, processor and topic names are a public contract: renaming one rebuilds state.
 */
public final class ClassifierTopology {

    public static final String APPLICATION_ID = "emi-classifier";

    /** The applications of the task's partitions; with optimization its changelog is the source topic. */
    public static final String APPLICATIONS_STORE = "patstat-applications";
    /** The concordance in force, under key {@link EventTopics#CONCORDANCE_KEY}. */
    public static final String CONCORDANCE_STORE = "concordance";
    /** Per patent task: the concordance version applied and the progress of a re-classification. */
    public static final String PROGRESS_STORE = "classifier-progress";

    public static final String TRADE_FLOWS_STORE = "comtrade-flows";
    public static final String TRADE_PROGRESS_STORE = "trade-classifier-progress";
    public static final String PRODUCTION_OBSERVATIONS_STORE = "prodcom-observations";
    public static final String PRODUCTION_PROGRESS_STORE = "production-classifier-progress";
    public static final String FUNDING_ROUNDS_STORE = "crunchbase-rounds";
    public static final String INVESTMENT_PROGRESS_STORE = "investment-classifier-progress";

    static final String APPLICATIONS_SOURCE = "patstat-applications-source";
    static final String APPLICATIONS_CHANGES = "patstat-applications-changes";
    static final String CONCORDANCE_SOURCE = "concordance-source";
    static final String CLASSIFY = "classify-patents";
    static final String CLASSIFIED_SINK = "patents-classified-sink";
    static final String CLASSIFY_TRADE = "classify-trade-flows";
    static final String CLASSIFY_PRODUCTION = "classify-production";
    static final String CLASSIFY_ROUNDS = "classify-funding-rounds";
    /**
     * The source topic of each classifying processor: one task per partition of it, each with its
     * entry on emi.progress (key {@code classifier/<processor>/<task>}).
     */
    public static final Map<String, String> SOURCE_TOPIC_BY_PROCESSOR = Map.of(
            CLASSIFY, EventTopics.PATSTAT_APPLICATIONS.name(),
            CLASSIFY_TRADE, EventTopics.COMTRADE_FLOWS.name(),
            CLASSIFY_PRODUCTION, EventTopics.PRODCOM_OBSERVATIONS.name(),
            CLASSIFY_ROUNDS, EventTopics.CRUNCHBASE_ROUNDS.name());

    private ClassifierTopology() {
    }

    /**
     * Builds the topology with the service's Kafka Streams settings ({@code buildProperties}). The
     * tables reuse their source topics as changelogs (no second copy of the source records), which
     * only topology optimization does: a configuration without it is refused here rather than
     * quietly creating four changelog topics.
     */
    public static Topology build(ClassifierSerdes serdes, RuleSet shippedRules, AppliedConcordances applied,
            ReclassificationSettings settings, Properties buildProperties) {
        String optimization = buildProperties.getProperty(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.NO_OPTIMIZATION);
        if (!optimization.contains(StreamsConfig.OPTIMIZE) && !optimization.contains(StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS)) {
            throw new IllegalArgumentException("the classifier's tables reuse their source topics: set kafka-streams."
                    + StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG + "=" + StreamsConfig.OPTIMIZE + " (it is " + optimization + ")");
        }
        Classifier shipped = Classifier.compile(shippedRules);
        StreamsBuilder builder = new StreamsBuilder();

        builder.globalTable(EventTopics.CONCORDANCE.name(),
                Consumed.with(Serdes.String(), serdes.concordance()).withName(CONCORDANCE_SOURCE),
                Materialized.<String, Concordance, KeyValueStore<Bytes, byte[]>>as(CONCORDANCE_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(serdes.concordance())
                        // One small record; the cache would only delay what the tasks see.
                        .withCachingDisabled());

        // The patent branch comes first so that its sub-topology keeps the id (and its tasks the
        // state directories) it had before the other sources were added.
        List<ClassifiedSource<?, ?>> sources = sources(serdes);
        for (ClassifiedSource<?, ?> source : sources) {
            addBranch(builder, source, shipped, applied, settings);
        }
        Topology topology = builder.build(buildProperties);
        for (ClassifiedSource<?, ?> source : sources) {
            TaskProgress.addSink(topology, source.classifyName(), EventTopics.PROGRESS.name(), serdes.progress().serializer());
        }
        return topology;
    }

    static List<ClassifiedSource<?, ?>> sources(ClassifierSerdes serdes) {
        return List.of(
                new ClassifiedSource<PatentApplication, ClassifiedPatent>(
                        EventTopics.PATSTAT_APPLICATIONS.name(), EventTopics.PATENTS_CLASSIFIED.name(), APPLICATIONS_STORE, PROGRESS_STORE,
                        APPLICATIONS_SOURCE, APPLICATIONS_CHANGES, CLASSIFY, CLASSIFIED_SINK,
                        serdes.applications(), serdes.classified(), Classifications::patent,
                        ClassifiedPatent::getCodes, (c, codes, versions) -> {
                            c.setVariantCodes(codes);
                            c.setVariantVersions(versions);
                        }),
                new ClassifiedSource<TradeFlow, ClassifiedTrade>(
                        EventTopics.COMTRADE_FLOWS.name(), EventTopics.TRADE_CLASSIFIED.name(), TRADE_FLOWS_STORE, TRADE_PROGRESS_STORE,
                        "comtrade-flows-source", "comtrade-flows-changes", CLASSIFY_TRADE, "trade-classified-sink",
                        serdes.tradeFlows(), serdes.classifiedTrade(), Classifications::trade,
                        ClassifiedTrade::getCodes, (c, codes, versions) -> {
                            c.setVariantCodes(codes);
                            c.setVariantVersions(versions);
                        }),
                new ClassifiedSource<ProductionObservation, ClassifiedProduction>(
                        EventTopics.PRODCOM_OBSERVATIONS.name(), EventTopics.PRODUCTION_CLASSIFIED.name(), PRODUCTION_OBSERVATIONS_STORE,
                        PRODUCTION_PROGRESS_STORE, "prodcom-observations-source", "prodcom-observations-changes",
                        CLASSIFY_PRODUCTION, "production-classified-sink",
                        serdes.productionObservations(), serdes.classifiedProduction(), Classifications::production,
                        ClassifiedProduction::getCodes, (c, codes, versions) -> {
                            c.setVariantCodes(codes);
                            c.setVariantVersions(versions);
                        }),
                new ClassifiedSource<FundingRound, ClassifiedRound>(
                        EventTopics.CRUNCHBASE_ROUNDS.name(), EventTopics.INVESTMENT_CLASSIFIED.name(), FUNDING_ROUNDS_STORE,
                        INVESTMENT_PROGRESS_STORE, "crunchbase-rounds-source", "crunchbase-rounds-changes",
                        CLASSIFY_ROUNDS, "investment-classified-sink",
                        serdes.fundingRounds(), serdes.classifiedRounds(), Classifications::round,
                        ClassifiedRound::getCodes, (c, codes, versions) -> {
                            c.setVariantCodes(codes);
                            c.setVariantVersions(versions);
                        }));
    }

    /**
     * One source: its table, its progress store (one per branch: a store shared by two
     * processors would merge their sub-topologies, whose topics differ in partitions), the
     * classifying processor and the sink.
     */
    private static <V, C> void addBranch(StreamsBuilder builder, ClassifiedSource<V, C> source, Classifier shipped,
            AppliedConcordances applied, ReclassificationSettings settings) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(source.progressStore()), Serdes.String(), Serdes.String())
                .withCachingDisabled());

        builder.table(source.sourceTopic(),
                        Consumed.with(Serdes.String(), source.records()).withName(source.sourceName()),
                        Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(source.tableStore())
                                .withKeySerde(Serdes.String())
                                .withValueSerde(source.records())
                                // A release changes each key once: a record cache saves no write and
                                // cost 40 % of the classifier's samples in a backfill (benchmarks.md).
                                .withCachingDisabled())
                .toStream(Named.as(source.changesName()))
                .process(() -> new ClassificationProcessor<>(source, shipped, applied, settings),
                        Named.as(source.classifyName()), source.tableStore(), source.progressStore())
                .to(source.sinkTopic(),
                        Produced.with(Serdes.String(), source.classified()).withName(source.sinkName()));
    }
}
