package eu.emistreams.ingest.store;

/**
 * Byte keys whose bytewise order (RocksDB's default comparator) is the numeric order of the
 * longs they encode: big-endian with the sign bit flipped.
 */
public final class OrderedKeys {

    private OrderedKeys() {
    }

    public static byte[] of(long value) {
        byte[] key = new byte[8];
        put(key, 0, value);
        return key;
    }

    public static void put(byte[] key, int offset, long value) {
        long flipped = value ^ Long.MIN_VALUE;
        for (int i = 7; i >= 0; i--) {
            key[offset + i] = (byte) flipped;
            flipped >>>= 8;
        }
    }

    public static long get(byte[] key, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (key[offset + i] & 0xFF);
        }
        return value ^ Long.MIN_VALUE;
    }
}
