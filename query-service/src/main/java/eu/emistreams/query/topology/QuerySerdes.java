package eu.emistreams.query.topology;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.ingest.IngestReport;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The serdes of the query topology. Production wires the registry-backed {@link AvroSerdes};
 * unit tests pass plain Avro binary serdes because the Apicurio serde has no in-memory registry.
 */
public record QuerySerdes(
        Serde<IndicatorKey> indicatorKey,
        Serde<IndicatorValue> indicatorValue,
        Serde<String> ingestReportKey,
        Serde<IngestReport> ingestReport) {

    public static QuerySerdes registry(AvroSerdes avro) {
        return new QuerySerdes(
                avro.keySerde(IndicatorKey.class),
                avro.valueSerde(IndicatorValue.class),
                Serdes.String(),
                avro.valueSerde(IngestReport.class));
    }
}
