package eu.emistreams.query.serving;

/** A well-formed name that the contract does not define: an unknown country, indicator or code (404). */
public class UnknownValueException extends RuntimeException {

    private final String kind;
    private final String value;

    public UnknownValueException(String kind, String value, String detail) {
        super(detail);
        this.kind = kind;
        this.value = value;
    }

    /** What is unknown: {@code country}, {@code indicator} or {@code code}. */
    public String kind() {
        return kind;
    }

    public String value() {
        return value;
    }
}
