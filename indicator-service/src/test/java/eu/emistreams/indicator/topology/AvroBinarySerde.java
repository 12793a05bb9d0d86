package eu.emistreams.indicator.topology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Plain Avro binary, no registry: lets TopologyTestDriver run the topology's public records. */
public final class AvroBinarySerde {

    private AvroBinarySerde() {
    }

    public static <T extends SpecificRecord> Serde<T> of(Class<T> type) {
        SpecificData model = new SpecificData(type.getClassLoader());
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(model.getSchema(type), model);
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(model.getSchema(type), model.getSchema(type), model);
        return Serdes.serdeFrom(
                (topic, value) -> {
                    if (value == null) {
                        return null;
                    }
                    try {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
                        writer.write(value, encoder);
                        encoder.flush();
                        return bytes.toByteArray();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                (topic, data) -> {
                    if (data == null) {
                        return null;
                    }
                    try {
                        return reader.read(null, DecoderFactory.get().binaryDecoder(data, null));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    static IndicatorSerdes indicatorSerdes() {
        return new IndicatorSerdes(
                of(eu.emistreams.events.classified.ClassifiedPatent.class),
                of(eu.emistreams.events.indicator.IndicatorKey.class),
                of(eu.emistreams.events.indicator.IndicatorValue.class),
                of(eu.emistreams.events.classified.ClassifiedTrade.class),
                of(eu.emistreams.events.classified.ClassifiedProduction.class),
                of(eu.emistreams.events.classified.ClassifiedRound.class),
                of(eu.emistreams.events.ingest.IngestReport.class),
                of(eu.emistreams.events.progress.StageProgress.class));
    }
}
