package eu.emistreams.query.topology;

import eu.emistreams.events.indicator.IndicatorKey;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Byte encoding of {@link IndicatorKey} inside the {@code indicators} store, chosen so that byte
 * order is (indicator, country, code, year) order and a leading run of fields is a byte prefix:
 * a query for one indicator, or one indicator and country, is a prefix scan instead of a full scan.
 * The registry encoding cannot do this (it starts with a schema id and length-prefixes strings).
 *
 * <p>Each string is UTF-8 followed by a 0x00 terminator, an embedded 0x00 escaped as 0x00 0xFF
 * (UTF-8 never contains 0xFF, so the escape is unambiguous); the year follows as 4 big-endian bytes
 * with the sign bit flipped, so that negative years would still sort first. Only this service reads
 * the store and its changelog, so the encoding is private to it; changing it means a new store name.
 */
public final class IndicatorStoreKeySerde implements Serde<IndicatorKey> {

    private static final int YEAR_BYTES = Integer.BYTES;

    @Override
    public Serializer<IndicatorKey> serializer() {
        return (topic, key) -> key == null ? null : encode(key);
    }

    @Override
    public Deserializer<IndicatorKey> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    public static byte[] encode(IndicatorKey key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        writeString(out, key.getIndicator());
        writeString(out, key.getCountry());
        writeString(out, key.getCode());
        out.writeBytes(ByteBuffer.allocate(YEAR_BYTES).putInt(key.getYear() ^ Integer.MIN_VALUE).array());
        return out.toByteArray();
    }

    /** The bytes every key whose leading fields equal {@code leadingFields} starts with. */
    public static byte[] prefix(List<String> leadingFields) {
        if (leadingFields.size() > 3) {
            throw new IllegalArgumentException("a key has three string fields, got " + leadingFields);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        leadingFields.forEach(field -> writeString(out, field));
        return out.toByteArray();
    }

    /** A serializer for {@code ReadOnlyKeyValueStore.prefixScan}: the prefix is already encoded. */
    public static Serializer<byte[]> prefixSerializer() {
        return (topic, bytes) -> bytes;
    }

    public static IndicatorKey decode(byte[] bytes) {
        if (bytes.length < YEAR_BYTES + 3) {
            throw new SerializationException("indicator store key too short: " + bytes.length + " bytes");
        }
        int stringsEnd = bytes.length - YEAR_BYTES;
        int year = ByteBuffer.wrap(bytes, stringsEnd, YEAR_BYTES).getInt() ^ Integer.MIN_VALUE;
        String[] fields = new String[3];
        int position = 0;
        for (int i = 0; i < fields.length; i++) {
            ByteArrayOutputStream field = new ByteArrayOutputStream(16);
            while (true) {
                if (position >= stringsEnd) {
                    throw new SerializationException("indicator store key truncated in field " + i);
                }
                byte b = bytes[position++];
                if (b != 0) {
                    field.write(b);
                } else if (position < stringsEnd && bytes[position] == (byte) 0xFF) {
                    field.write(0);
                    position++;
                } else {
                    break;
                }
            }
            fields[i] = field.toString(StandardCharsets.UTF_8);
        }
        if (position != stringsEnd) {
            throw new SerializationException("indicator store key has " + (stringsEnd - position) + " stray bytes");
        }
        return new IndicatorKey(fields[0], fields[1], fields[2], year);
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        out.write(0);
    }
}
