package eu.emistreams.query.serving;

/** A query parameter that cannot be read at all (answered 400). */
public class MalformedParameterException extends RuntimeException {

    private final String parameter;

    public MalformedParameterException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
