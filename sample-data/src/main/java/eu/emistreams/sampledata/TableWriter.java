package eu.emistreams.sampledata;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams one PATSTAT table to disk as RFC 4180 CSV with a header row, plain, gzipped or as a
 * single-entry zip. Rows go straight to the file: nothing is kept.
 */
final class TableWriter implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

    private final Path file;
    private final Writer writer;
    private final CSVPrinter printer;
    private long rows;

    TableWriter(Path directory, String table, String[] header, FileCompression compression, boolean byteOrderMark)
            throws IOException {
        String csvName = table + ".csv";
        this.file = directory.resolve(csvName + compression.suffix());
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        switch (compression) {
            case GZIP -> out = new GZIPOutputStream(out, 1 << 16);
            case ZIP -> {
                ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(csvName);
                // A fixed entry time keeps archives of identical content byte-identical.
                entry.setTime(0L);
                zip.putNextEntry(entry);
                out = zip;
            }
            case NONE -> {
                // plain CSV
            }
        }
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (byteOrderMark) {
            writer.write('\uFEFF');
        }
        this.printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord((Object[]) header);
    }

    Path file() {
        return file;
    }

    void row(Object... values) throws IOException {
        printer.printRecord(values);
        rows++;
    }

    /**
     * Writes a line as is, CRLF-terminated, for rows a careless exporter produced (an unquoted
     * comma, a missing field). The printer is between records here, so its state is unaffected.
     */
    void rawLine(String line) throws IOException {
        writer.write(line);
        writer.write("\r\n");
        rows++;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        // Closing the printer flushes and closes the writer chain, which finishes gzip and zip.
        printer.close(true);
    }
}
