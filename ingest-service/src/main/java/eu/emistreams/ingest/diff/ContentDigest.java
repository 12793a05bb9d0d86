package eu.emistreams.ingest.diff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * A 128-bit fingerprint of an event's content: SHA-256 of its Avro binary encoding, cut to 16
 * bytes. Avro binary is canonical for one schema (fields in order, arrays in order), so equal
 * content gives equal digests. The caller blanks fields that must not count, such as the release.
 */
public final class ContentDigest<T extends SpecificRecord> {

    public static final int LENGTH = 16;

    private final SpecificDatumWriter<T> writer;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    private final MessageDigest sha256;
    private BinaryEncoder encoder;

    public ContentDigest(Class<T> type) {
        this.writer = new SpecificDatumWriter<>(type);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public byte[] of(T record) {
        bytes.reset();
        encoder = EncoderFactory.get().binaryEncoder(bytes, encoder);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding to memory failed", e);
        }
        return ofEncoded(bytes.toByteArray());
    }

    /** The digest of an event already in its Avro binary encoding: equal to {@link #of} of the decoded event. */
    public byte[] ofEncoded(byte[] avroBinary) {
        return Arrays.copyOf(sha256.digest(avroBinary), LENGTH);
    }
}
