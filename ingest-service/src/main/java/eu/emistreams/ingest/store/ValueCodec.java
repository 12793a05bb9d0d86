package eu.emistreams.ingest.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A compact binary encoding for stored values: fixed-width numbers, length-prefixed UTF-8
 * strings, nulls marked. Smaller and faster than any general serializer for rows of a few fields.
 */
public final class ValueCodec {

    private ValueCodec() {
    }

    /** Appends fields to a growing buffer; {@link #toBytes()} copies them out. Reusable via {@link #reset()}. */
    public static final class Writer {
        private byte[] buffer = new byte[256];
        private int size;

        public Writer reset() {
            size = 0;
            return this;
        }

        public Writer putLong(long value) {
            ensure(8);
            for (int i = 7; i >= 0; i--) {
                buffer[size + i] = (byte) value;
                value >>>= 8;
            }
            size += 8;
            return this;
        }

        public Writer putInt(int value) {
            ensure(4);
            for (int i = 3; i >= 0; i--) {
                buffer[size + i] = (byte) value;
                value >>>= 8;
            }
            size += 4;
            return this;
        }

        public Writer putByte(int value) {
            ensure(1);
            buffer[size++] = (byte) value;
            return this;
        }

        public Writer putNullableLong(Long value) {
            putByte(value == null ? 0 : 1);
            return value == null ? this : putLong(value);
        }

        public Writer putNullableInt(Integer value) {
            putByte(value == null ? 0 : 1);
            return value == null ? this : putInt(value);
        }

        public Writer putString(String value) {
            if (value == null) {
                return putInt(-1);
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            putInt(bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
            return this;
        }

        /** Length-prefixed bytes; null is written as length -1. */
        public Writer putBytes(byte[] value) {
            if (value == null) {
                return putInt(-1);
            }
            putInt(value.length);
            ensure(value.length);
            System.arraycopy(value, 0, buffer, size, value.length);
            size += value.length;
            return this;
        }

        public byte[] toBytes() {
            return Arrays.copyOf(buffer, size);
        }

        /** Bytes written since the last reset. */
        public int size() {
            return size;
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }

    /** Reads fields back in the order they were written. */
    public static final class Reader {
        private final byte[] buffer;
        private int position;

        public Reader(byte[] buffer) {
            this.buffer = buffer;
        }

        /** Whether fields remain to be read. */
        public boolean hasRemaining() {
            return position < buffer.length;
        }

        public long getLong() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (buffer[position++] & 0xFF);
            }
            return value;
        }

        public int getInt() {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                value = (value << 8) | (buffer[position++] & 0xFF);
            }
            return value;
        }

        public int getByte() {
            return buffer[position++];
        }

        public Long getNullableLong() {
            return getByte() == 0 ? null : getLong();
        }

        public Integer getNullableInt() {
            return getByte() == 0 ? null : getInt();
        }

        public byte[] getBytes() {
            int length = getInt();
            if (length < 0) {
                return null;
            }
            byte[] value = Arrays.copyOfRange(buffer, position, position + length);
            position += length;
            return value;
        }

        public String getString() {
            int length = getInt();
            if (length < 0) {
                return null;
            }
            String value = new String(buffer, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }
    }
}
