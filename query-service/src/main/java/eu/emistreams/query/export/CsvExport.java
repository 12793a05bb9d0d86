package eu.emistreams.query.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A data package as RFC 4180 CSV in UTF-8, written row by row to the response. */
public final class CsvExport {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(ExportRow.COLUMNS.toArray(String[]::new))
            .get();

    private CsvExport() {
    }

    public static void write(Iterable<ExportRow> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        for (ExportRow row : rows) {
            printer.printRecord(row.indicator(), row.country(), row.code(), row.codeLabel(), row.year(),
                    ExportRow.plain(row.value()), row.unit(), row.sourceReleases(), row.concordanceVersion());
        }
        // Flushed, not closed: the container closes the response stream.
        printer.flush();
    }
}
