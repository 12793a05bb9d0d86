package eu.emistreams.query.topology;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.VariantIndicatorKey;
import eu.emistreams.events.ingest.IngestReport;
import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes of the query topology. Production wires the registry-backed {@link AvroSerdes};
 * unit tests pass plain Avro binary serdes because the Apicurio serde has no in-memory registry.
 */
public record QuerySerdes(
        Serde<IndicatorKey> indicatorKey,
        Serde<IndicatorValue> indicatorValue,
        Serde<String> ingestReportKey,
        Serde<IngestReport> ingestReport,
        Serde<VariantIndicatorKey> variantIndicatorKey) {

    /** From the topic descriptors; the four indicator topics carry the same key and value types. */
    public static QuerySerdes registry(AvroSerdes avro) {
        return new QuerySerdes(
                avro.keySerde(EventTopics.INDICATORS_PATENT),
                avro.valueSerde(EventTopics.INDICATORS_PATENT),
                avro.keySerde(EventTopics.INGEST_REPORTS),
                avro.valueSerde(EventTopics.INGEST_REPORTS),
                avro.keySerde(EventTopics.INDICATORS_VARIANTS));
    }
}
