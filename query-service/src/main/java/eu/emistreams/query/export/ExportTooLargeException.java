package eu.emistreams.query.export;

/** An export with more rows than {@code emi.query.export.max-rows}: answered 413. */
public class ExportTooLargeException extends RuntimeException {

    public ExportTooLargeException(long rows, int maxRows) {
        super("the export would have " + rows + " rows, above the limit of " + maxRows
                + " rows (emi.query.export.max-rows); narrow it with the indicator, country, code or year filters");
    }
}
