package eu.emistreams.events.testing;

import eu.emistreams.events.RecordSerdes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Plain Avro binary serde for topology tests, where no schema registry runs. Shared with the
 * services' tests through this module's test-jar.
 */
public final class AvroBinarySerde {

    /** Plain binary serdes as the {@link RecordSerdes} of {@code EventTopics} descriptors (keys and values alike). */
    public static final RecordSerdes RECORDS = AvroBinarySerde::of;

    private AvroBinarySerde() {
    }

    public static <T extends SpecificRecord> Serde<T> of(Class<T> type, boolean isKey) {
        return of(type);
    }

    public static <T extends SpecificRecord> Serde<T> of(Class<T> type) {
        SpecificData model = new SpecificData(type.getClassLoader());
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(model.getSchema(type), model);
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(model.getSchema(type), model.getSchema(type), model);
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            try {
                writer.write(value, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
            try {
                return reader.read(null, decoder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
