package eu.emistreams.ingest.api;

/** A JSON problem body (the shape of RFC 9457): what went wrong in one line. */
public record Problem(String title, int status, String detail) {
}
