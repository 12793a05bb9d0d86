package eu.emistreams.events;

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
import java.util.List;
import org.apache.avro.Schema;

/** Every Avro schema the services write through the registry: what the deploy step registers. */
public final class EventSchemas {

    public static final List<Schema> ALL = List.of(
            PatentApplication.getClassSchema(),
            TradeFlow.getClassSchema(),
            ProductionObservation.getClassSchema(),
            FundingRound.getClassSchema(),
            RejectedRow.getClassSchema(),
            IngestReport.getClassSchema(),
            Concordance.getClassSchema(),
            ClassifiedPatent.getClassSchema(),
            ClassifiedTrade.getClassSchema(),
            ClassifiedProduction.getClassSchema(),
            ClassifiedRound.getClassSchema(),
            IndicatorKey.getClassSchema(),
            IndicatorValue.getClassSchema(),
            VariantIndicatorKey.getClassSchema(),
            StageProgress.getClassSchema());

    private EventSchemas() {
    }
}
