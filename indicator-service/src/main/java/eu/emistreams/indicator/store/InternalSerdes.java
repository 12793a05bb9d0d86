package eu.emistreams.indicator.store;

import eu.emistreams.indicator.calculation.ExactFraction;
import eu.emistreams.indicator.lane.LaneContributions;
import eu.emistreams.indicator.source.Contribution;
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
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serdes of the records that never leave this service (stores, changelogs and the
 * repartition topics). Each format starts with a version byte so that a later format can still
 * read state written by this one. The formats are those running instances have written: the patent
 * and the other families kept theirs when their pipelines became one.
 */
public final class InternalSerdes {

    private static final byte FORMAT_V1 = 1;
    /** A pending contribution entry ({@link #contributionEntry}). */
    private static final byte FORMAT_V2 = 2;
    /** A contribution entry with variant lanes ({@link #laneContributionEntry}). */
    private static final byte FORMAT_V3 = 3;
    /** The scale of published values: the contract compares indicator values to 9 decimals. */
    private static final int PUBLISHED_SCALE = ExactFraction.COMPARISON_SCALE;

    /** The fields of a value, without the version byte of its serde. */
    public interface Format<T> {
        void write(DataOutput out, T value) throws IOException;

        T read(DataInput in) throws IOException;
    }

    public static final Format<PatentContribution> PATENT_CONTRIBUTION = format(
            InternalSerdes::writePatentContribution, InternalSerdes::readPatentContribution);

    public static final Format<SumContribution> SUM_CONTRIBUTION = format((out, contribution) -> {
        out.writeInt(contribution.years().size());
        for (int year : contribution.years()) {
            out.writeInt(year);
        }
        writeChanges(out, contribution.amounts(), InternalSerdes::writeDecimal);
        writeNullableString(out, contribution.sourceRelease());
        writeNullableString(out, contribution.concordanceVersion());
    }, in -> {
        SortedSet<Integer> years = new TreeSet<>();
        for (int i = in.readInt(); i > 0; i--) {
            years.add(in.readInt());
        }
        return new SumContribution(years, readChanges(in, InternalSerdes::readDecimal), readNullableString(in),
                readNullableString(in));
    });

    private InternalSerdes() {
    }

    public static <T> Serde<T> serde(Format<T> format) {
        return binary(format);
    }

    public static Serde<ExactFraction> fraction() {
        return binary(format(InternalSerdes::writeFraction, InternalSerdes::readFraction));
    }

    /** An exact decimal of any size and scale. */
    public static Serde<BigDecimal> decimal() {
        return binary(format(InternalSerdes::writeDecimal, InternalSerdes::readDecimal));
    }

    public static Serde<PatentContribution> patentContribution() {
        return binary(PATENT_CONTRIBUTION);
    }

    public static Serde<SumContribution> sumContribution() {
        return binary(SUM_CONTRIBUTION);
    }

    /**
     * A record's entry in a contributions store. An entry that is not pending is written in the
     * format of the bare contribution (version 1), the format these stores had before entries
     * could be pending; a pending one in version 2, with its interval and what was last forwarded.
     */
    public static <C> Serde<ContributionEntry<C>> contributionEntry(Format<C> contribution) {
        Serializer<ContributionEntry<C>> serializer = (topic, entry) -> {
            if (entry == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                if (entry.changedInInterval() == 0 && entry.forwarded() == null && entry.contribution() != null) {
                    out.writeByte(FORMAT_V1);
                    contribution.write(out, entry.contribution());
                } else {
                    out.writeByte(FORMAT_V2);
                    out.writeLong(entry.changedInInterval());
                    writeNullable(out, entry.contribution(), contribution);
                    writeNullable(out, entry.forwarded(), contribution);
                }
            } catch (IOException e) {
                throw new SerializationException("cannot write " + entry, e);
            }
            return bytes.toByteArray();
        };
        Deserializer<ContributionEntry<C>> deserializer = (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte version = in.readByte();
                if (version == FORMAT_V1) {
                    return ContributionEntry.forwardedAsRead(contribution.read(in));
                }
                if (version != FORMAT_V2) {
                    throw new SerializationException("unknown internal format " + version + " on " + topic);
                }
                long interval = in.readLong();
                C current = readNullable(in, contribution);
                return new ContributionEntry<>(current, interval, readNullable(in, contribution));
            } catch (IOException e) {
                throw new SerializationException("cannot read a record of " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    /**
     * A record's entry in a contributions store with its contributions in every lane. While no
     * variant is loaded an entry is written exactly as {@link #contributionEntry} writes its
     * in-force contribution (versions 1 and 2), so the stores of a service without variants stay
     * as they were and are read back as they were written; an entry with a variant lane is
     * version 3: its interval, then its lane contributions and what was last forwarded, each the
     * in-force contribution followed by the variants' ({@code name}, contribution).
     */
    public static <C extends Contribution<M>, M> Serde<ContributionEntry<LaneContributions<C, M>>> laneContributionEntry(
            Format<C> contribution) {
        Serde<ContributionEntry<C>> inForceOnly = contributionEntry(contribution);
        Format<LaneContributions<C, M>> lanes = format((out, value) -> {
            contribution.write(out, value.inForce());
            out.writeInt(value.variants().size());
            for (Map.Entry<String, C> variant : value.variants().entrySet()) {
                out.writeUTF(variant.getKey());
                contribution.write(out, variant.getValue());
            }
        }, in -> {
            C inForce = contribution.read(in);
            SortedMap<String, C> variants = new TreeMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                variants.put(in.readUTF(), contribution.read(in));
            }
            return new LaneContributions<>(inForce, variants);
        });
        Serializer<ContributionEntry<LaneContributions<C, M>>> serializer = (topic, entry) -> {
            if (entry == null) {
                return null;
            }
            if (inForceOnly(entry.contribution()) && inForceOnly(entry.forwarded())) {
                return inForceOnly.serializer().serialize(topic, new ContributionEntry<>(inForce(entry.contribution()),
                        entry.changedInInterval(), inForce(entry.forwarded())));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT_V3);
                out.writeLong(entry.changedInInterval());
                writeNullable(out, entry.contribution(), lanes);
                writeNullable(out, entry.forwarded(), lanes);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + entry, e);
            }
            return bytes.toByteArray();
        };
        Deserializer<ContributionEntry<LaneContributions<C, M>>> deserializer = (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (data.length == 0 || data[0] != FORMAT_V3) {
                ContributionEntry<C> entry = inForceOnly.deserializer().deserialize(topic, data);
                return new ContributionEntry<>(lanesOf(entry.contribution()), entry.changedInInterval(),
                        lanesOf(entry.forwarded()));
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                in.readByte();
                long interval = in.readLong();
                LaneContributions<C, M> current = readNullable(in, lanes);
                return new ContributionEntry<>(current, interval, readNullable(in, lanes));
            } catch (IOException e) {
                throw new SerializationException("cannot read a record of " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static boolean inForceOnly(LaneContributions<?, ?> lanes) {
        return lanes == null || lanes.variants().isEmpty();
    }

    private static <C extends Contribution<M>, M> C inForce(LaneContributions<C, M> lanes) {
        return lanes == null ? null : lanes.inForce();
    }

    private static <C extends Contribution<M>, M> LaneContributions<C, M> lanesOf(C inForce) {
        return inForce == null ? null : LaneContributions.inForceOnly(inForce);
    }

    private static <T> void writeNullable(DataOutput out, T value, Format<T> format) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            format.write(out, value);
        }
    }

    private static <T> T readNullable(DataInput in, Format<T> format) throws IOException {
        return in.readBoolean() ? format.read(in) : null;
    }

    /**
     * The patent changes of a year. They carry no {@code counts} flag: every patent contribution
     * has a release, so a release tells that one was added.
     */
    public static Serde<YearChanges<ExactFraction>> fractionChanges() {
        return binary(format((out, changes) -> {
            out.writeInt(changes.year());
            writeChanges(out, changes.changes(), InternalSerdes::writeFraction);
            writeNullableString(out, changes.sourceRelease());
            writeNullableString(out, changes.concordanceVersion());
        }, in -> {
            int year = in.readInt();
            Map<String, ExactFraction> changes = readChanges(in, InternalSerdes::readFraction);
            String sourceRelease = readNullableString(in);
            return new YearChanges<>(year, changes, sourceRelease != null, sourceRelease, readNullableString(in));
        }));
    }

    /** The decimal changes of a year of a trade, production or investment source. */
    public static Serde<YearChanges<BigDecimal>> decimalChanges() {
        return binary(format((out, changes) -> {
            out.writeInt(changes.year());
            writeChanges(out, changes.changes(), InternalSerdes::writeDecimal);
            out.writeBoolean(changes.counts());
            writeNullableString(out, changes.sourceRelease());
            writeNullableString(out, changes.concordanceVersion());
        }, in -> new YearChanges<>(in.readInt(), readChanges(in, InternalSerdes::readDecimal), in.readBoolean(),
                readNullableString(in), readNullableString(in))));
    }

    /** A published value rounded to 9 decimals, as a plain long of its billionths (no version byte). */
    public static Serde<BigDecimal> billionths() {
        LongSerializer longs = new LongSerializer();
        LongDeserializer longsBack = new LongDeserializer();
        Serializer<BigDecimal> serializer = (topic, value) -> value == null ? null
                : longs.serialize(topic, value.setScale(PUBLISHED_SCALE).unscaledValue().longValueExact());
        Deserializer<BigDecimal> deserializer = (topic, data) -> data == null ? null
                : BigDecimal.valueOf(longsBack.deserialize(topic, data), PUBLISHED_SCALE);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    public static Serde<YearStatus> yearStatus() {
        return binary(format((out, status) -> {
            writeNullableString(out, status.sourceRelease());
            writeNullableString(out, status.concordanceVersion());
            out.writeLong(status.dirtySinceMs());
            out.writeLong(status.lastChangeMs());
        }, in -> new YearStatus(readNullableString(in), readNullableString(in), in.readLong(), in.readLong())));
    }

    private static <M> void writeChanges(DataOutput out, Map<String, M> changes, Writer<M> value)
            throws IOException {
        out.writeInt(changes.size());
        for (Map.Entry<String, M> change : changes.entrySet()) {
            out.writeUTF(change.getKey());
            value.write(out, change.getValue());
        }
    }

    private static <M> SortedMap<String, M> readChanges(DataInput in, Reader<M> value) throws IOException {
        SortedMap<String, M> changes = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            changes.put(in.readUTF(), value.read(in));
        }
        return changes;
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

    private static void writePatentContribution(DataOutput out, PatentContribution contribution) throws IOException {
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

    private static PatentContribution readPatentContribution(DataInput in) throws IOException {
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

    private static <T> Format<T> format(Writer<T> writer, Reader<T> reader) {
        return new Format<>() {
            @Override
            public void write(DataOutput out, T value) throws IOException {
                writer.write(out, value);
            }

            @Override
            public T read(DataInput in) throws IOException {
                return reader.read(in);
            }
        };
    }

    private static <T> Serde<T> binary(Format<T> format) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT_V1);
                format.write(out, value);
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
                byte version = in.readByte();
                if (version != FORMAT_V1) {
                    throw new SerializationException("unknown internal format " + version + " on " + topic);
                }
                return format.read(in);
            } catch (IOException e) {
                throw new SerializationException("cannot read a record of " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
