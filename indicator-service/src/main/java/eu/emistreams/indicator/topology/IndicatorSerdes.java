package eu.emistreams.indicator.topology;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.classified.ClassifiedTrade;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.VariantIndicatorKey;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.events.progress.StageProgress;
import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes of the records the topology exchanges with other services. Production uses the
 * registry-backed Avro serdes; topology tests pass plain Avro binary serdes instead.
 */
public record IndicatorSerdes(
        Serde<ClassifiedPatent> classifiedPatent,
        Serde<IndicatorKey> indicatorKey,
        Serde<IndicatorValue> indicatorValue,
        Serde<ClassifiedTrade> classifiedTrade,
        Serde<ClassifiedProduction> classifiedProduction,
        Serde<ClassifiedRound> classifiedRound,
        Serde<IngestReport> ingestReport,
        Serde<StageProgress> progress,
        Serde<VariantIndicatorKey> variantIndicatorKey) {

    /** From the topic descriptors; the four indicator topics carry the same key and value types. */
    public static IndicatorSerdes registry(AvroSerdes avro) {
        return new IndicatorSerdes(
                avro.valueSerde(EventTopics.PATENTS_CLASSIFIED),
                avro.keySerde(EventTopics.INDICATORS_PATENT),
                avro.valueSerde(EventTopics.INDICATORS_PATENT),
                avro.valueSerde(EventTopics.TRADE_CLASSIFIED),
                avro.valueSerde(EventTopics.PRODUCTION_CLASSIFIED),
                avro.valueSerde(EventTopics.INVESTMENT_CLASSIFIED),
                avro.valueSerde(EventTopics.INGEST_REPORTS),
                avro.valueSerde(EventTopics.PROGRESS),
                avro.keySerde(EventTopics.INDICATORS_VARIANTS));
    }
}
