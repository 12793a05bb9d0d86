package eu.emistreams.classifier.topology;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.RecordSerdes;
import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.classified.ClassifiedTrade;
import eu.emistreams.events.comtrade.TradeFlow;
import eu.emistreams.events.concordance.Concordance;
import eu.emistreams.events.crunchbase.FundingRound;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.events.prodcom.ProductionObservation;
import eu.emistreams.events.progress.StageProgress;
import org.apache.kafka.common.serialization.Serde;

/**
 * The value serdes of the classifier topology. Production wires the registry-backed
 * {@link AvroSerdes}; tests pass plain Avro binary serdes. Keys are strings everywhere.
 */
public record ClassifierSerdes(
        Serde<PatentApplication> applications,
        Serde<Concordance> concordance,
        Serde<ClassifiedPatent> classified,
        Serde<TradeFlow> tradeFlows,
        Serde<ClassifiedTrade> classifiedTrade,
        Serde<ProductionObservation> productionObservations,
        Serde<ClassifiedProduction> classifiedProduction,
        Serde<FundingRound> fundingRounds,
        Serde<ClassifiedRound> classifiedRounds,
        Serde<StageProgress> progress) {

    /** The value serdes of the classifier's topics, from their descriptors. */
    public static ClassifierSerdes of(RecordSerdes records) {
        return new ClassifierSerdes(
                EventTopics.PATSTAT_APPLICATIONS.valueSerde(records),
                EventTopics.CONCORDANCE.valueSerde(records),
                EventTopics.PATENTS_CLASSIFIED.valueSerde(records),
                EventTopics.COMTRADE_FLOWS.valueSerde(records),
                EventTopics.TRADE_CLASSIFIED.valueSerde(records),
                EventTopics.PRODCOM_OBSERVATIONS.valueSerde(records),
                EventTopics.PRODUCTION_CLASSIFIED.valueSerde(records),
                EventTopics.CRUNCHBASE_ROUNDS.valueSerde(records),
                EventTopics.INVESTMENT_CLASSIFIED.valueSerde(records),
                EventTopics.PROGRESS.valueSerde(records));
    }

    public static ClassifierSerdes avro(AvroSerdes serdes) {
        return of(serdes);
    }
}
