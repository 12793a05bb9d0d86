package eu.emistreams.events;

import static eu.emistreams.events.Topic.CleanupPolicy.COMPACT;
import static eu.emistreams.events.Topic.CleanupPolicy.DELETE;

import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.classified.ClassifiedTrade;
import eu.emistreams.events.comtrade.TradeFlow;
import eu.emistreams.events.concordance.Concordance;
import eu.emistreams.events.crunchbase.FundingRound;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.VariantIndicatorKey;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.events.ingest.RejectedRow;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.events.prodcom.ProductionObservation;
import eu.emistreams.events.progress.StageProgress;
import java.util.ArrayList;
import java.util.List;

/**
 * The one declaration of the topics the services exchange: name, key and value types, partitions,
 * cleanup policy. Names are a public contract: renaming one orphans its data. Everything else is
 * derived from here: {@code schemas/topics.csv} (the launcher's list, {@link TopicsCsv}), and
 * {@code TopicContractTest} fails when the Kubernetes manifests or the services' configuration
 * disagree.
 */
public final class EventTopics {

    // Before the declarations: static initialization runs in textual order, so all() keeps it.
    private static final List<Topic<?, ?>> DECLARED = new ArrayList<>();

    public static final Topic<String, PatentApplication> PATSTAT_APPLICATIONS = declare(
            "emi.patstat.applications", String.class, PatentApplication.class, 4, COMPACT,
            "PATSTAT transnational applications keyed by appln_id; tombstone when an application leaves a release");
    public static final Topic<String, TradeFlow> COMTRADE_FLOWS = declare(
            "emi.comtrade.flows", String.class, TradeFlow.class, 2, COMPACT,
            "UN Comtrade HS6 totals keyed by their natural key");
    public static final Topic<String, ProductionObservation> PRODCOM_OBSERVATIONS = declare(
            "emi.prodcom.observations", String.class, ProductionObservation.class, 2, COMPACT,
            "Eurostat Prodcom PRODVAL observations keyed by their natural key");
    public static final Topic<String, FundingRound> CRUNCHBASE_ROUNDS = declare(
            "emi.crunchbase.rounds", String.class, FundingRound.class, 2, COMPACT,
            "Crunchbase funding rounds joined to their organization keyed by round uuid");
    public static final Topic<String, RejectedRow> REJECTS = declare(
            "emi.rejects", String.class, RejectedRow.class, 1, DELETE,
            "Rejected input rows with file line release and reason");
    public static final Topic<String, IngestReport> INGEST_REPORTS = declare(
            "emi.ingest.reports", String.class, IngestReport.class, 1, COMPACT,
            "Record accounting per source and release");
    public static final Topic<String, Concordance> CONCORDANCE = declare(
            "emi.concordance", String.class, Concordance.class, 1, COMPACT,
            "The classification rules in force (key active) and the variant rule sets beside them (key variant/NAME; a tombstone drops one)");
    public static final Topic<String, ClassifiedPatent> PATENTS_CLASSIFIED = declare(
            "emi.patents.classified", String.class, ClassifiedPatent.class, 4, COMPACT,
            "Patent applications tagged with ecosystem and technology codes");
    public static final Topic<IndicatorKey, IndicatorValue> INDICATORS_PATENT = declare(
            "emi.indicators.patent", IndicatorKey.class, IndicatorValue.class, 2, COMPACT,
            "Patent indicators keyed by indicator country code year");
    public static final Topic<String, ClassifiedTrade> TRADE_CLASSIFIED = declare(
            "emi.trade.classified", String.class, ClassifiedTrade.class, 2, COMPACT,
            "Comtrade HS6 totals tagged with ecosystem and technology codes");
    public static final Topic<String, ClassifiedProduction> PRODUCTION_CLASSIFIED = declare(
            "emi.production.classified", String.class, ClassifiedProduction.class, 2, COMPACT,
            "Prodcom PRODVAL observations tagged with ecosystem and technology codes");
    public static final Topic<String, ClassifiedRound> INVESTMENT_CLASSIFIED = declare(
            "emi.investment.classified", String.class, ClassifiedRound.class, 2, COMPACT,
            "Crunchbase funding rounds tagged with ecosystem and technology codes");
    public static final Topic<IndicatorKey, IndicatorValue> INDICATORS_TRADE = declare(
            "emi.indicators.trade", IndicatorKey.class, IndicatorValue.class, 2, COMPACT,
            "Trade indicators keyed by indicator country code year");
    public static final Topic<IndicatorKey, IndicatorValue> INDICATORS_PRODUCTION = declare(
            "emi.indicators.production", IndicatorKey.class, IndicatorValue.class, 2, COMPACT,
            "Production indicators keyed by indicator country code year");
    public static final Topic<IndicatorKey, IndicatorValue> INDICATORS_INVESTMENT = declare(
            "emi.indicators.investment", IndicatorKey.class, IndicatorValue.class, 2, COMPACT,
            "Investment indicators keyed by indicator country code year");
    public static final Topic<VariantIndicatorKey, IndicatorValue> INDICATORS_VARIANTS = declare(
            "emi.indicators.variants", VariantIndicatorKey.class, IndicatorValue.class, 2, COMPACT,
            "Indicators of every family under each variant rule set keyed by variant indicator country code year");
    public static final Topic<String, StageProgress> PROGRESS = declare(
            "emi.progress", String.class, StageProgress.class, 1, COMPACT,
            "Per Streams task of the classifier and the indicator stage what it still holds unfinished (key stage/processor/task)");

    /** The key of the rules in force on {@link #CONCORDANCE}: there is one rule set in force at a time. */
    public static final String CONCORDANCE_KEY = "active";
    /**
     * The keys of the variant rule sets on {@link #CONCORDANCE} start with this, followed by the
     * variant's name ({@link VariantNames}).
     */
    public static final String VARIANT_KEY_PREFIX = "variant/";

    private EventTopics() {
    }

    /** Every topic, in the order of declaration. */
    public static List<Topic<?, ?>> all() {
        return List.copyOf(DECLARED);
    }

    private static <K, V> Topic<K, V> declare(String name, Class<K> keyType, Class<V> valueType, int partitions,
            Topic.CleanupPolicy cleanupPolicy, String description) {
        Topic<K, V> topic = new Topic<>(name, keyType, valueType, partitions, cleanupPolicy, description);
        if (DECLARED.stream().anyMatch(declared -> declared.name().equals(name))) {
            throw new IllegalStateException(name + " is declared twice");
        }
        DECLARED.add(topic);
        return topic;
    }
}
