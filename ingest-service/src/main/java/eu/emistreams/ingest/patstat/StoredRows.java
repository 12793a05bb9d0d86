package eu.emistreams.ingest.patstat;

import eu.emistreams.ingest.store.OrderedKeys;
import eu.emistreams.ingest.store.ValueCodec;
import org.apache.commons.csv.CSVFormat;

/**
 * The rows of a release as the work store keeps them between loading and assembly. Rows that
 * belong to an application are stored in runs: the rows of one table that follow one another in
 * its file with the same appln_id (an application's IPC classes or person links, usually) make
 * one entry keyed {@code (appln_id, table tag, line of the run's first row)}, its value each
 * row's line and fields in file order. One ordered scan meets each application's tls201 row
 * first and then all its other rows, in line order within a table.
 */
final class StoredRows {

    static final byte TAG_APPLN = 1;
    static final byte TAG_LINK = 2;
    static final byte TAG_IPC = 3;
    static final byte TAG_TITLE = 4;
    static final byte TAG_ABSTRACT = 5;

    private static final CSVFormat CONTENT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private StoredRows() {
    }

    /** A tls201 row with the fields the event carries. */
    record Appln(long line, long applnId, String authority, String applnNr, String kind, String filingDate,
            Integer filingYear, long internatApplnId, int earliestYear, Long familyId) {

        void appendTo(ValueCodec.Writer out) {
            out.putString(authority).putString(applnNr).putString(kind).putString(filingDate)
                    .putNullableInt(filingYear).putLong(internatApplnId).putInt(earliestYear)
                    .putNullableLong(familyId);
        }

        static Appln decode(long line, long applnId, ValueCodec.Reader in) {
            return new Appln(line, applnId, in.getString(), in.getString(), in.getString(), in.getString(),
                    in.getNullableInt(), in.getLong(), in.getInt(), in.getNullableLong());
        }

        String content() {
            return CONTENT.format(applnId, authority, applnNr, kind, filingDate, filingYear, internatApplnId,
                    earliestYear, familyId);
        }
    }

    /** A tls206 row. */
    record Person(long personId, String name, String rawCountry) {

        byte[] value(ValueCodec.Writer out) {
            return out.reset().putString(name).putString(rawCountry).toBytes();
        }

        static Person decode(long personId, byte[] value) {
            ValueCodec.Reader in = new ValueCodec.Reader(value);
            return new Person(personId, in.getString(), in.getString());
        }
    }

    /** A tls207 row. */
    record Link(long line, long personId, long applnId, int applicantSeq, String inventorSeq) {

        void appendTo(ValueCodec.Writer out) {
            out.putLong(personId).putInt(applicantSeq).putString(inventorSeq);
        }

        static Link decode(long line, long applnId, ValueCodec.Reader in) {
            return new Link(line, in.getLong(), applnId, in.getInt(), in.getString());
        }

        String content() {
            return CONTENT.format(personId, applnId, applicantSeq, inventorSeq);
        }
    }

    /** A tls209 row, its symbol as read (padded). */
    record Ipc(long line, long applnId, String symbol) {

        void appendTo(ValueCodec.Writer out) {
            out.putString(symbol);
        }

        static Ipc decode(long line, long applnId, ValueCodec.Reader in) {
            return new Ipc(line, applnId, in.getString());
        }

        String content() {
            return CONTENT.format(applnId, symbol);
        }
    }

    /** A tls202 title or tls203 abstract row. */
    record Text(long line, long applnId, String language, String text) {

        void appendTo(ValueCodec.Writer out) {
            out.putString(language).putString(text);
        }

        static Text decode(long line, long applnId, ValueCodec.Reader in) {
            return new Text(line, applnId, in.getString(), in.getString());
        }

        String content() {
            return CONTENT.format(applnId, language, text);
        }
    }

    static byte[] rowKey(long applnId, byte tag, long line) {
        byte[] key = new byte[17];
        OrderedKeys.put(key, 0, applnId);
        key[8] = tag;
        OrderedKeys.put(key, 9, line);
        return key;
    }

    static long applnIdOf(byte[] rowKey) {
        return OrderedKeys.get(rowKey, 0);
    }

    static byte tagOf(byte[] rowKey) {
        return rowKey[8];
    }
}
