package eu.emistreams.ingest.keyed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Events as the work store keeps them: plain Avro binary of the event's own schema, the same
 * bytes whose digest {@link eu.emistreams.ingest.diff.ContentDigest} compares across releases.
 */
final class AvroBinary<T extends SpecificRecord> {

    private final SpecificDatumWriter<T> writer;
    private final SpecificDatumReader<T> reader;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    AvroBinary(Class<T> type) {
        // Decoded classes come from the loader of the event class itself: under Quarkus tests Avro's
        // default lookup finds a second copy on the application class path (quarkus#27057).
        SpecificData model = new SpecificData(type.getClassLoader());
        Schema schema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema, model);
        this.reader = new SpecificDatumReader<>(schema, schema, model);
    }

    byte[] encode(T event) {
        bytes.reset();
        encoder = EncoderFactory.get().binaryEncoder(bytes, encoder);
        try {
            writer.write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding to memory failed", e);
        }
        return bytes.toByteArray();
    }

    T decode(byte[] encoded) {
        decoder = DecoderFactory.get().binaryDecoder(encoded, decoder);
        try {
            return reader.read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException("decoding a stored event failed", e);
        }
    }
}
