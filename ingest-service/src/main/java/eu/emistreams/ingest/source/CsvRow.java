package eu.emistreams.ingest.source;

import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/** One CSV record with the physical line it starts on (1-based, the header is line 1). */
public final class CsvRow {

    private static final CSVFormat CONTENT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();
    private static final int MAX_CONTENT = 2_000;

    private final String[] fields;
    private final long line;
    private final Map<String, Integer> columns;

    CsvRow(String[] fields, long line, Map<String, Integer> columns) {
        this.fields = fields;
        this.line = line;
        this.columns = columns;
    }

    public long line() {
        return line;
    }

    /** The number of fields of the record. */
    public int size() {
        return fields.length;
    }

    /** Whether the record has as many fields as the header. */
    public boolean consistent() {
        return fields.length == columns.size();
    }

    /** The value of a column (located case-insensitively), or null when the file lacks the column. */
    public String get(String column) {
        Integer index = columns.get(column);
        return index == null || index >= fields.length ? null : fields[index];
    }

    /** The record as CSV, as it appeared modulo quoting, cut to 2,000 characters for a reject. */
    public String content() {
        return cut(CONTENT.format((Object[]) fields));
    }

    static String cut(String text) {
        return text.length() <= MAX_CONTENT ? text : text.substring(0, MAX_CONTENT);
    }
}
