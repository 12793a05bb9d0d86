package eu.emistreams.ingest.source;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads one table: RFC 4180 CSV in UTF-8, an optional byte-order mark, a header row whose
 * columns come in any order and in any letter case, extra columns ignored. Rows come out with
 * the physical line they start on, which a quoted multi-line field makes differ from the record
 * number.
 */
public final class CsvTable implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            // Blank lines come through as records and are skipped in next(), so that the line count
            // stays exact: a parser that skips them silently leaves the count one line behind.
            .setIgnoreEmptyLines(false)
            .get();

    private final TableFile file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns;

    private CsvTable(TableFile file, CSVParser parser, Map<String, Integer> columns) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        this.columns = columns;
    }

    /**
     * Opens the table and checks its header holds every required column.
     *
     * @param bytesRead counts the bytes read from disk, for progress
     */
    public static CsvTable open(TableFile file, Collection<String> requiredColumns, AtomicLong bytesRead)
            throws IOException {
        InputStream in = file.open(bytesRead);
        CSVParser parser = null;
        try {
            InputStream withoutBom = BOMInputStream.builder().setInputStream(in).get();
            // Malformed UTF-8 is an unreadable file, not text to guess at.
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            BufferedReader reader = new BufferedReader(new InputStreamReader(withoutBom, decoder), 1 << 16);
            parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                throw new UnreadableInputException(file.fileName() + ": empty file, no header row");
            }
            Map<String, Integer> columns = new HashMap<>();
            for (Map.Entry<String, Integer> column : header.entrySet()) {
                columns.putIfAbsent(column.getKey().trim().toLowerCase(Locale.ROOT), column.getValue());
            }
            for (String required : requiredColumns) {
                if (!columns.containsKey(required.toLowerCase(Locale.ROOT))) {
                    throw new UnreadableInputException(file.fileName() + ": missing required column " + required
                            + " (header: " + String.join(",", parser.getHeaderNames()) + ")");
                }
            }
            return new CsvTable(file, parser, Map.copyOf(columns));
        } catch (UnreadableInputException e) {
            closeQuietly(parser, in);
            throw e;
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            closeQuietly(parser, in);
            throw new UnreadableInputException(file.fileName() + ": " + (isEncodingError(e)
                    ? "not valid UTF-8 text" : "unreadable header (" + e.getMessage() + ")"), e);
        }
    }

    /** Opens the table to check its header only. */
    public static void check(TableFile file, Collection<String> requiredColumns) throws IOException {
        try (CsvTable table = open(file, requiredColumns, new AtomicLong())) {
            // opening validated the header
        }
    }

    public TableFile file() {
        return file;
    }

    public List<String> header() {
        return parser.getHeaderNames();
    }

    /**
     * The next row, or null at the end. A file the parser cannot go on with (an unterminated
     * quote, broken gzip, invalid UTF-8) is unreadable as a whole; the message names the line.
     */
    public CsvRow next() throws UnreadableInputException {
        long startLine = parser.getCurrentLineNumber() + 1;
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    startLine = parser.getCurrentLineNumber() + 1;
                    continue;
                }
                return new CsvRow(record, startLine, columns);
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new UnreadableInputException(file.fileName() + ": unreadable from line " + startLine + " ("
                    + (isEncodingError(e) ? "not valid UTF-8 text" : cause.getMessage()) + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static boolean isEncodingError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.nio.charset.CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(CSVParser parser, InputStream in) {
        try {
            if (parser != null) {
                parser.close();
            }
            in.close();
        } catch (IOException ignored) {
            // the original failure is what matters
        }
    }
}
