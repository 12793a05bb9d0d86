package eu.emistreams.classifier.topology;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.concordance.Concordance;
import eu.emistreams.events.patstat.PatentApplication;
import org.apache.kafka.common.serialization.Serde;

/**
 * The value serdes of the classifier topology. Production wires the registry-backed
 * {@link AvroSerdes}; tests pass plain Avro binary serdes. Keys are strings everywhere.
 */
public record ClassifierSerdes(
        Serde<PatentApplication> applications,
        Serde<Concordance> concordance,
        Serde<ClassifiedPatent> classified) {

    public static ClassifierSerdes avro(AvroSerdes serdes) {
        return new ClassifierSerdes(
                serdes.valueSerde(PatentApplication.class),
                serdes.valueSerde(Concordance.class),
                serdes.valueSerde(ClassifiedPatent.class));
    }
}
