package eu.emistreams.ingest.keyed;

/** Why a row cannot be used, with its accounting detail. No stack trace: it is control flow. */
public final class RowRejection extends Exception {

    private final String detail;

    public RowRejection(String detail, String message) {
        super(message, null, false, false);
        this.detail = detail;
    }

    /** The detail without its prefix, e.g. {@code unparsable_number}. */
    public String detail() {
        return detail;
    }
}
