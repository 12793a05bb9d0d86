package eu.emistreams.query.status;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/status}.
 *
 * @param unsettledBecause why {@code settled} is false, one line per cause; empty when settled
 */
public record PipelineStatus(
        boolean settled,
        Map<String, SourceAccounting> sources,
        Map<String, Long> lag,
        List<String> unsettledBecause) {
}
