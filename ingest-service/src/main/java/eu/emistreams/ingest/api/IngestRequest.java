package eu.emistreams.ingest.api;

/**
 * {@code POST /api/ingest/{source}}: an absolute path to a release directory or archive on the
 * service's machine, and the release id (default: the directory or archive name).
 */
public record IngestRequest(String path, String release) {
}
