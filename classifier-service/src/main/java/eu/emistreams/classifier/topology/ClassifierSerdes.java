package eu.emistreams.classifier.topology;

import eu.emistreams.events.AvroSerdes;
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
import org.apache.avro.specific.SpecificRecord;
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

    /** Makes the value serde of one Avro record class. */
    @FunctionalInterface
    public interface ValueSerdes {
        <T extends SpecificRecord> Serde<T> of(Class<T> type);
    }

    public static ClassifierSerdes of(ValueSerdes serdes) {
        return new ClassifierSerdes(
                serdes.of(PatentApplication.class),
                serdes.of(Concordance.class),
                serdes.of(ClassifiedPatent.class),
                serdes.of(TradeFlow.class),
                serdes.of(ClassifiedTrade.class),
                serdes.of(ProductionObservation.class),
                serdes.of(ClassifiedProduction.class),
                serdes.of(FundingRound.class),
                serdes.of(ClassifiedRound.class),
                serdes.of(StageProgress.class));
    }

    public static ClassifierSerdes avro(AvroSerdes serdes) {
        return of(serdes::valueSerde);
    }
}
