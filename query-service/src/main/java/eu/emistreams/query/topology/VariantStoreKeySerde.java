package eu.emistreams.query.topology;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.VariantIndicatorKey;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Byte encoding of {@link VariantIndicatorKey} inside the {@code variant-indicators} store: the
 * variant's name (UTF-8, never a 0x00: {@code [a-z0-9-]}) and a 0x00, then the key as
 * {@link IndicatorStoreKeySerde} encodes it, so that one variant's keys are a prefix scan and
 * within it every scan of the {@code indicators} store works alike.
 */
public final class VariantStoreKeySerde implements Serde<VariantIndicatorKey> {

    @Override
    public Serializer<VariantIndicatorKey> serializer() {
        return (topic, key) -> key == null ? null : encode(key);
    }

    @Override
    public Deserializer<VariantIndicatorKey> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    public static byte[] encode(VariantIndicatorKey key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(48);
        out.writeBytes(variantPrefix(key.getVariant()));
        out.writeBytes(IndicatorStoreKeySerde.encode(new IndicatorKey(key.getIndicator(), key.getCountry(), key.getCode(),
                key.getYear())));
        return out.toByteArray();
    }

    /** The bytes every key of {@code variant} starts with. */
    public static byte[] variantPrefix(String variant) {
        if (variant.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a variant name: " + variant);
        }
        byte[] name = variant.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(name, name.length + 1);
    }

    /** The bytes every key of {@code variant} whose leading fields equal {@code leadingFields} starts with. */
    public static byte[] prefix(String variant, byte[] indicatorKeyPrefix) {
        byte[] head = variantPrefix(variant);
        byte[] prefix = Arrays.copyOf(head, head.length + indicatorKeyPrefix.length);
        System.arraycopy(indicatorKeyPrefix, 0, prefix, head.length, indicatorKeyPrefix.length);
        return prefix;
    }

    public static byte[] prefix(String variant, List<String> leadingFields) {
        return prefix(variant, IndicatorStoreKeySerde.prefix(leadingFields));
    }

    public static VariantIndicatorKey decode(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        if (end == bytes.length) {
            throw new SerializationException("variant store key without a variant name");
        }
        IndicatorKey key = IndicatorStoreKeySerde.decode(Arrays.copyOfRange(bytes, end + 1, bytes.length));
        return new VariantIndicatorKey(new String(bytes, 0, end, StandardCharsets.UTF_8), key.getIndicator(),
                key.getCountry(), key.getCode(), key.getYear());
    }
}
