package eu.emistreams.reference;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One table of a source directory read as sources.md describes it: {@code <table>.csv}, plain,
 * {@code .gz} or {@code .zip}; UTF-8 with an optional byte-order mark; RFC 4180 quoting; a header
 * naming the columns in any order. A row is one CSV record, however many physical lines it spans.
 */
public final class CsvTable {

    private static final List<String> SUFFIXES = List.of(".csv", ".csv.gz", ".csv.zip");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    /** A data row: the physical line it starts on (header = line 1) and its fields. */
    public record Row(long line, CSVRecord record, int headerSize) {

        /** A row with another number of fields than the header is malformed: its columns cannot be trusted. */
        public boolean wellFormed() {
            return record.size() == headerSize;
        }

        public String get(String column) {
            return record.get(column);
        }
    }

    private CsvTable() {
    }

    /** The file holding {@code table} in {@code directory}, whichever of the allowed forms it has. */
    public static Path locate(Path directory, String table) {
        List<Path> found = new ArrayList<>();
        for (String suffix : SUFFIXES) {
            Path candidate = directory.resolve(table + suffix);
            if (Files.isRegularFile(candidate)) {
                found.add(candidate);
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException(directory + " must hold exactly one of " + table + SUFFIXES + ", found "
                    + found);
        }
        return found.get(0);
    }

    /** Calls {@code action} for every data row of the table, in file order. */
    public static void forEachRow(Path directory, String table, List<String> requiredColumns, Consumer<Row> action) {
        Path file = locate(directory, table);
        try (InputStream raw = open(file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
                CSVParser parser = FORMAT.parse(skipByteOrderMark(reader))) {
            List<String> header = parser.getHeaderNames();
            for (String column : requiredColumns) {
                if (!header.contains(column)) {
                    throw new IllegalStateException(file + ": column " + column + " missing from header " + header);
                }
            }
            // The header is line 1; each record starts on the line after the one the previous record ended on.
            long lastLine = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                long startLine = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    // An empty line holds no data: it is not a row.
                    continue;
                }
                action.accept(new Row(startLine, record, header.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (name.endsWith(".zip")) {
            ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.isDirectory()) {
                    return zip;
                }
            }
            zip.close();
            throw new IOException(file + ": empty zip archive");
        }
        return in;
    }

    private static BufferedReader skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
