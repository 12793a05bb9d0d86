package eu.emistreams.query.factsheet;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** A figure's data as a table: what screen readers read and what a reader copies. */
@TemplateData
public record DataTable(List<String> headers, List<List<String>> rows) {

    /** Shown for a year a series has no value in. */
    public static final String MISSING = "n/a";

    public DataTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
