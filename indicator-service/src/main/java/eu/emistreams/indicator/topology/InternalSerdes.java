package eu.emistreams.indicator.topology;

import eu.emistreams.indicator.calculation.ExactFraction;
import eu.emistreams.indicator.source.PatentContribution;
import eu.emistreams.indicator.source.SumContribution;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serdes of the records that never leave this service (stores, changelogs and the
 * repartition topic). Each format starts with a version byte so that a later format can still
 * read state written by this one.
 */
public final class InternalSerdes {

    private static final byte FORMAT_V1 = 1;

    private InternalSerdes() {
    }

    public static Serde<ExactFraction> fraction() {
        return binary(InternalSerdes::writeFraction, InternalSerdes::readFraction);
    }

    public static Serde<PatentContribution> contribution() {
        return binary(InternalSerdes::writeContribution, InternalSerdes::readContribution);
    }

    /**
     * What an application contributed when the contribution stage last forwarded its changes:
     * a null contribution when it contributed nothing then.
     */
    public static Serde<ForwardedContribution> forwardedContribution() {
        return binary((out, forwarded) -> {
            out.writeBoolean(forwarded.contribution() != null);
            if (forwarded.contribution() != null) {
                writeContribution(out, forwarded.contribution());
            }
        }, in -> new ForwardedContribution(in.readBoolean() ? readContribution(in) : null));
    }

    public static Serde<YearSumChanges> yearSumChanges() {
        return binary((out, changes) -> {
            out.writeInt(changes.year());
            out.writeInt(changes.changes().size());
            for (Map.Entry<String, ExactFraction> change : changes.changes().entrySet()) {
                out.writeUTF(change.getKey());
                writeFraction(out, change.getValue());
            }
            writeNullableString(out, changes.sourceRelease());
            writeNullableString(out, changes.concordanceVersion());
        }, in -> {
            int year = in.readInt();
            int size = in.readInt();
            Map<String, ExactFraction> changes = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                changes.put(in.readUTF(), readFraction(in));
            }
            return new YearSumChanges(year, changes, readNullableString(in), readNullableString(in));
        });
    }

    public static Serde<YearStatus> yearStatus() {
        return binary((out, status) -> {
            writeNullableString(out, status.sourceRelease());
            writeNullableString(out, status.concordanceVersion());
            out.writeLong(status.dirtySinceMs());
            out.writeLong(status.lastChangeMs());
        }, in -> new YearStatus(readNullableString(in), readNullableString(in), in.readLong(), in.readLong()));
    }

    /** An exact decimal of any size and scale. */
    public static Serde<BigDecimal> decimal() {
        return binary(InternalSerdes::writeDecimal, InternalSerdes::readDecimal);
    }

    public static Serde<SumContribution> sumContribution() {
        return binary((out, contribution) -> {
            out.writeInt(contribution.years().size());
            for (int year : contribution.years()) {
                out.writeInt(year);
            }
            writeAmounts(out, contribution.amounts());
            writeNullableString(out, contribution.sourceRelease());
            writeNullableString(out, contribution.concordanceVersion());
        }, in -> {
            SortedSet<Integer> years = new TreeSet<>();
            for (int i = in.readInt(); i > 0; i--) {
                years.add(in.readInt());
            }
            return new SumContribution(years, readAmounts(in), readNullableString(in), readNullableString(in));
        });
    }

    public static Serde<SumDelta> sumDelta() {
        return binary((out, delta) -> {
            out.writeInt(delta.year());
            writeAmounts(out, delta.changes());
            out.writeBoolean(delta.counts());
            writeNullableString(out, delta.sourceRelease());
            writeNullableString(out, delta.concordanceVersion());
        }, in -> new SumDelta(in.readInt(), readAmounts(in), in.readBoolean(), readNullableString(in),
                readNullableString(in)));
    }

    private static void writeAmounts(DataOutput out, Map<String, BigDecimal> amounts) throws IOException {
        out.writeInt(amounts.size());
        for (Map.Entry<String, BigDecimal> amount : amounts.entrySet()) {
            out.writeUTF(amount.getKey());
            writeDecimal(out, amount.getValue());
        }
    }

    private static SortedMap<String, BigDecimal> readAmounts(DataInput in) throws IOException {
        SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            amounts.put(in.readUTF(), readDecimal(in));
        }
        return amounts;
    }

    private static void writeDecimal(DataOutput out, BigDecimal value) throws IOException {
        out.writeInt(value.scale());
        writeBigInteger(out, value.unscaledValue());
    }

    private static BigDecimal readDecimal(DataInput in) throws IOException {
        int scale = in.readInt();
        return new BigDecimal(readBigInteger(in), scale);
    }

    private static void writeFraction(DataOutput out, ExactFraction fraction) throws IOException {
        writeBigInteger(out, fraction.numerator());
        writeBigInteger(out, fraction.denominator());
    }

    private static ExactFraction readFraction(DataInput in) throws IOException {
        return new ExactFraction(readBigInteger(in), readBigInteger(in));
    }

    private static void writeContribution(DataOutput out, PatentContribution contribution) throws IOException {
        out.writeInt(contribution.year());
        out.writeInt(contribution.applicantCount());
        out.writeInt(contribution.applicantsByCountry().size());
        for (var entry : contribution.applicantsByCountry().entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue());
        }
        out.writeInt(contribution.codes().size());
        for (String code : contribution.codes()) {
            out.writeUTF(code);
        }
        writeNullableString(out, contribution.sourceRelease());
        writeNullableString(out, contribution.concordanceVersion());
    }

    private static PatentContribution readContribution(DataInput in) throws IOException {
        int year = in.readInt();
        int applicantCount = in.readInt();
        SortedMap<String, Integer> byCountry = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            byCountry.put(in.readUTF(), in.readInt());
        }
        SortedSet<String> codes = new TreeSet<>();
        for (int i = in.readInt(); i > 0; i--) {
            codes.add(in.readUTF());
        }
        return new PatentContribution(year, applicantCount, byCountry, codes, readNullableString(in),
                readNullableString(in));
    }

    private static void writeBigInteger(DataOutput out, BigInteger value) throws IOException {
        byte[] bytes = value.toByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static BigInteger readBigInteger(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new BigInteger(bytes);
    }

    private static void writeNullableString(DataOutput out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullableString(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(DataOutput out, T value) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInput in) throws IOException;
    }

    private static <T> Serde<T> binary(Writer<T> writer, Reader<T> reader) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT_V1);
                writer.write(out, value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + value, e);
            }
            return bytes.toByteArray();
        };
        Deserializer<T> deserializer = (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte format = in.readByte();
                if (format != FORMAT_V1) {
                    throw new SerializationException("unknown internal format " + format + " on " + topic);
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("cannot read a record of " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
