package eu.emistreams.ingest.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits RFC 4180 text into records of fields, strictly: comma-separated, fields optionally in
 * double quotes with {@code ""} for a quote inside, records ended by CRLF, LF or CR. It reads
 * exactly as commons-csv's {@code CSVFormat.RFC4180} with empty lines kept, which
 * {@code Rfc4180ReaderTest} checks on thousands of generated inputs: a quote inside an unquoted
 * field is text; whitespace between a closing quote and the next comma or line end is dropped; an
 * empty line is a record of one empty field.
 *
 * <p>Two inputs are refused with an {@link IOException} naming the line: a quoted field still open
 * at the end of the input (which lenient parsers such as FastCSV take as a field running to the end
 * of the file, FastCSV issue #173), and text after a closing quote.
 *
 * <p>Why not commons-csv itself: reading a release spent half of its loading CPU in its lexer (a
 * virtual call, a look-ahead and a {@code StringBuilder} append per character); this scans a
 * buffer of characters and cuts fields out of it, about three times faster
 * (docs/benchmarks.md, section 16).
 */
public final class Rfc4180Reader implements Closeable {

    private static final int DELIMITER = 0;
    private static final int END_OF_RECORD = 1;

    private final Reader in;
    private final char[] buffer;
    private int position;
    private int limit;
    private boolean endOfInput;
    /** Line ends consumed so far (CRLF counts once), inside quoted fields included. */
    private long lineEnds;
    private boolean lastWasCarriageReturn;
    private final StringBuilder spanning = new StringBuilder();
    private String[] fields = new String[16];
    private int fieldCount;

    public Rfc4180Reader(Reader in) {
        this(in, 1 << 16);
    }

    Rfc4180Reader(Reader in, int bufferSize) {
        this.in = in;
        this.buffer = new char[bufferSize];
    }

    /** The physical line (1-based) on which the record that {@link #next} returns next starts. */
    public long nextRecordLine() {
        return lineEnds + 1;
    }

    /** The fields of the next record, or null at the end of the input. */
    public String[] next() throws IOException {
        if (position >= limit && !fill()) {
            return null;
        }
        fieldCount = 0;
        while (true) {
            if (position >= limit && !fill()) {
                // The input ended right after a comma: the record's last field is empty.
                add("");
                return Arrays.copyOf(fields, fieldCount);
            }
            int ending = buffer[position] == '"' ? quotedField() : plainField();
            if (ending != DELIMITER) {
                return Arrays.copyOf(fields, fieldCount);
            }
        }
    }

    private int plainField() throws IOException {
        boolean spans = false;
        while (true) {
            int end = position;
            while (end < limit) {
                char c = buffer[end];
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                end++;
            }
            if (end < limit) {
                if (spans) {
                    add(spanning.append(buffer, position, end - position).toString());
                } else {
                    add(new String(buffer, position, end - position));
                }
                char terminator = buffer[end];
                position = end + 1;
                if (terminator == ',') {
                    return DELIMITER;
                }
                lineEnd(terminator);
                return END_OF_RECORD;
            }
            if (!spans) {
                spanning.setLength(0);
                spans = true;
            }
            spanning.append(buffer, position, limit - position);
            position = limit;
            if (!fill()) {
                add(spanning.toString());
                return END_OF_RECORD;
            }
        }
    }

    private int quotedField() throws IOException {
        long openedOn = lineEnds + 1;
        position++;
        spanning.setLength(0);
        lastWasCarriageReturn = false;
        while (true) {
            if (position >= limit && !fill()) {
                throw new IOException("the quoted field opened on line " + openedOn
                        + " is not closed before the end of the file");
            }
            int end = position;
            while (end < limit && buffer[end] != '"') {
                end++;
            }
            countLineEnds(position, end);
            spanning.append(buffer, position, end - position);
            position = end;
            if (end == limit) {
                continue;
            }
            position++;
            lastWasCarriageReturn = false;
            if (position >= limit && !fill()) {
                add(spanning.toString());
                return END_OF_RECORD;
            }
            if (buffer[position] == '"') {
                spanning.append('"');
                position++;
                continue;
            }
            add(spanning.toString());
            return afterClosingQuote();
        }
    }

    /** Whitespace may follow a closing quote before the comma or line end; anything else may not. */
    private int afterClosingQuote() throws IOException {
        while (position < limit || fill()) {
            char c = buffer[position++];
            if (c == ',') {
                return DELIMITER;
            }
            if (c == '\n' || c == '\r') {
                lineEnd(c);
                return END_OF_RECORD;
            }
            if (!Character.isWhitespace(c)) {
                throw new IOException("text after the closing quote of a field on line " + (lineEnds + 1)
                        + " (a comma or a line end must follow it)");
            }
        }
        return END_OF_RECORD;
    }

    /** Counts a record's line end; a CR takes the LF right after it. */
    private void lineEnd(char terminator) throws IOException {
        lineEnds++;
        if (terminator == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
            position++;
        }
    }

    /** Counts the line ends inside a quoted field, a CRLF once even when the buffer splits it. */
    private void countLineEnds(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = buffer[i];
            if (c == '\r') {
                lineEnds++;
                lastWasCarriageReturn = true;
            } else {
                if (c == '\n' && !lastWasCarriageReturn) {
                    lineEnds++;
                }
                lastWasCarriageReturn = false;
            }
        }
    }

    private void add(String field) {
        if (fieldCount == fields.length) {
            fields = Arrays.copyOf(fields, fieldCount * 2);
        }
        fields[fieldCount++] = field;
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            endOfInput = true;
            position = limit = 0;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
