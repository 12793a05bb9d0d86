package eu.emistreams.query.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.indicator.IndicatorKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class IndicatorStoreKeySerdeTest {

    private static final Comparator<IndicatorKey> FIELD_ORDER = Comparator.comparing(IndicatorKey::getIndicator)
            .thenComparing(IndicatorKey::getCountry)
            .thenComparing(IndicatorKey::getCode)
            .thenComparingInt(IndicatorKey::getYear);

    @Test
    void roundTripsOrdinaryAndAwkwardKeys() {
        List<IndicatorKey> keys = List.of(
                new IndicatorKey("patent.world_share", "BE", "G.REN.SOLAR", 2020),
                new IndicatorKey("investment.pe_vc_usd", "ZZ", "DIGI", 0),
                new IndicatorKey("a\u0000b", "\u0000", "é€😀", -7),
                new IndicatorKey("", "", "", Integer.MIN_VALUE),
                new IndicatorKey("x", "y", "z\u0000", Integer.MAX_VALUE));
        for (IndicatorKey key : keys) {
            assertEquals(key, IndicatorStoreKeySerde.decode(IndicatorStoreKeySerde.encode(key)));
        }
    }

    @Test
    void byteOrderIsFieldOrder() {
        Random random = new Random(42);
        String[] words = {"", "a", "ab", "a\u0000", "b", "patent.count", "patent.country_share", "Z", "é"};
        List<IndicatorKey> keys = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            keys.add(new IndicatorKey(words[random.nextInt(words.length)], words[random.nextInt(words.length)],
                    words[random.nextInt(words.length)], random.nextInt(41) - 20));
        }
        List<IndicatorKey> byFields = keys.stream().sorted(FIELD_ORDER).toList();
        List<IndicatorKey> byBytes = keys.stream()
                .sorted(Comparator.comparing(key -> Bytes.wrap(IndicatorStoreKeySerde.encode(key))))
                .toList();
        assertEquals(byFields, byBytes);
    }

    @Test
    void prefixOfLeadingFieldsStartsExactlyTheKeysWithThoseFields() {
        byte[] prefix = IndicatorStoreKeySerde.prefix(List.of("patent.count", "BE"));
        assertTrue(startsWith(IndicatorStoreKeySerde.encode(new IndicatorKey("patent.count", "BE", "AGRI", 2020)), prefix));
        // A longer indicator or country that merely starts with the same letters is not matched.
        assertTrue(!startsWith(IndicatorStoreKeySerde.encode(new IndicatorKey("patent.count", "BEE", "AGRI", 2020)), prefix));
        assertTrue(!startsWith(IndicatorStoreKeySerde.encode(new IndicatorKey("patent.counts", "BE", "AGRI", 2020)), prefix));
        assertArrayEquals(new byte[0], IndicatorStoreKeySerde.prefix(List.of()));
    }

    @Test
    void refusesBytesThatAreNotAKey() {
        assertThrows(SerializationException.class, () -> IndicatorStoreKeySerde.decode(new byte[] {1, 2}));
        assertThrows(SerializationException.class, () -> IndicatorStoreKeySerde.decode(new byte[] {'a', 0, 'b', 0, 0, 0, 0, 0}));
        byte[] valid = IndicatorStoreKeySerde.encode(new IndicatorKey("a", "b", "c", 1));
        byte[] stray = Arrays.copyOf(valid, valid.length + 1);
        System.arraycopy(valid, 6, stray, 7, 4);
        stray[6] = 'd';
        assertThrows(SerializationException.class, () -> IndicatorStoreKeySerde.decode(stray));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }
}
