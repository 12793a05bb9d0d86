package eu.emistreams.query.status;

import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.query.config.QueryConfig;
import eu.emistreams.query.serving.InteractiveQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Assembles {@code GET /api/status} from the ingest reports store and the brokers' offsets. */
@ApplicationScoped
public class StatusService {

    @Inject
    InteractiveQueries queries;

    @Inject
    OffsetsReader offsetsReader;

    @Inject
    QueryConfig config;

    @Inject
    StageChecks stageChecks;

    private CachedOffsets cached;

    /**
     * An offsets snapshot is reused for a short while ({@code emi.query.status-cache-ttl}) so that
     * pollers do not hammer the brokers, but only with the same reports it was read after: a
     * report that changed may announce data the old snapshot has not seen, and reusing it could
     * call the pipeline settled too early.
     */
    private record CachedOffsets(Map<String, IngestReport> reports, OffsetsSnapshot offsets, long readAtNanos) {
    }

    public PipelineStatus status() {
        // Reports first, offsets after: every record a report accounts for is then in the offsets.
        Map<String, IngestReport> reports = queries.ingestReports();
        OffsetsSnapshot offsets = offsetsAfter(reports);
        Settlement settlement = Settlement.evaluate(reports.values(), config.pipelineGroups(), offsets);
        List<String> reasons = new ArrayList<>(settlement.reasons());
        if (reasons.isEmpty()) {
            // Asked only when the offsets say settled: the stages' own answers are the last word.
            reasons.addAll(stageChecks.unsettledStages());
        }
        return new PipelineStatus(
                reasons.isEmpty(),
                SourceAccounting.bySource(reports.values()),
                settlement.lag(),
                List.copyOf(reasons));
    }

    private synchronized OffsetsSnapshot offsetsAfter(Map<String, IngestReport> reports) {
        long now = System.nanoTime();
        boolean sameReports = cached != null && cached.reports().equals(reports);
        if (sameReports && now - cached.readAtNanos() < config.statusCacheTtl().toNanos()) {
            return cached.offsets();
        }
        if (!sameReports) {
            // A new release may come with new topics.
            offsetsReader.forgetTopicLayout();
        }
        OffsetsSnapshot offsets = offsetsReader.read();
        cached = new CachedOffsets(Map.copyOf(reports), offsets, now);
        return offsets;
    }
}
