package eu.emistreams.ingest.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads one table: RFC 4180 CSV in UTF-8, an optional byte-order mark, a header row whose
 * columns come in any order and in any letter case, extra columns ignored. Rows come out with
 * the physical line they start on, which a quoted multi-line field makes differ from the record
 * number.
 */
public final class CsvTable implements Closeable {

    private final TableFile file;
    private final Rfc4180Reader records;
    private final List<String> header;
    private final Map<String, Integer> columns;

    private CsvTable(TableFile file, Rfc4180Reader records, List<String> header, Map<String, Integer> columns) {
        this.file = file;
        this.records = records;
        this.header = header;
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
        try {
            InputStream withoutBom = BOMInputStream.builder().setInputStream(in).get();
            // Malformed UTF-8 is an unreadable file, not text to guess at.
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            Rfc4180Reader records = new Rfc4180Reader(new InputStreamReader(withoutBom, decoder));
            String[] header = records.next();
            if (header == null) {
                throw new UnreadableInputException(file.fileName() + ": empty file, no header row");
            }
            Map<String, Integer> columns = columnsOf(header);
            for (String required : requiredColumns) {
                if (!columns.containsKey(required.toLowerCase(Locale.ROOT))) {
                    throw new UnreadableInputException(file.fileName() + ": missing required column " + required
                            + " (header: " + String.join(",", header) + ")");
                }
            }
            return new CsvTable(file, records, List.of(header), Map.copyOf(columns));
        } catch (UnreadableInputException e) {
            closeQuietly(in);
            throw e;
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            closeQuietly(in);
            throw new UnreadableInputException(file.fileName() + ": " + (isEncodingError(e)
                    ? "not valid UTF-8 text" : "unreadable header (" + e.getMessage() + ")"), e);
        }
    }

    /**
     * Column positions by name, trimmed and lower-cased; of two names equal but for case the first
     * counts, of two names exactly equal the last. A blank name makes the header unreadable.
     */
    private static Map<String, Integer> columnsOf(String[] header) {
        Map<String, Integer> byExactName = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().isEmpty()) {
                throw new IllegalArgumentException("a header name is missing in " + Arrays.toString(header));
            }
            byExactName.put(header[i], i);
        }
        Map<String, Integer> columns = new HashMap<>();
        for (Map.Entry<String, Integer> column : byExactName.entrySet()) {
            columns.putIfAbsent(column.getKey().trim().toLowerCase(Locale.ROOT), column.getValue());
        }
        return columns;
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
        return header;
    }

    /**
     * The next row, or null at the end. A file the parser cannot go on with (an unterminated
     * quote, broken gzip, invalid UTF-8) is unreadable as a whole; the message names the line.
     */
    public CsvRow next() throws UnreadableInputException {
        long startLine = records.nextRecordLine();
        try {
            String[] fields;
            while ((fields = records.next()) != null) {
                // Blank lines come through as records of one empty field, so that the line count stays exact.
                if (fields.length == 1 && fields[0].isEmpty()) {
                    startLine = records.nextRecordLine();
                    continue;
                }
                return new CsvRow(fields, startLine, columns);
            }
            return null;
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw new UnreadableInputException(file.fileName() + ": unreadable from line " + startLine + " ("
                    + (isEncodingError(e) ? "not valid UTF-8 text" : cause.getMessage()) + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

    private static boolean isEncodingError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.nio.charset.CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the original failure is what matters
        }
    }
}
