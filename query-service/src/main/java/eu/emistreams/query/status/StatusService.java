package eu.emistreams.query.status;

import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.query.config.QueryConfig;
import eu.emistreams.query.serving.InteractiveQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Assembles {@code GET /api/status} from the ingest reports store, the brokers' offsets and the
 * Streams tasks' entries on emi.progress.
 */
@ApplicationScoped
public class StatusService {

    @Inject
    InteractiveQueries queries;

    @Inject
    OffsetsReader offsetsReader;

    @Inject
    ProgressReader progressReader;

    @Inject
    QueryConfig config;

    private CachedOffsets cached;

    /**
     * An offsets snapshot is reused for a short while ({@code emi.query.status-cache-ttl}) so that
     * pollers do not hammer the brokers, but only with the same reports it was read after: a
     * report that changed may announce data the old snapshot has not seen, and reusing it could
     * call the pipeline settled too early.
     *
     * @param progressEnds the committed end offsets of the progress topics, read before the snapshot
     */
    private record CachedOffsets(Map<String, IngestReport> reports, Map<TopicPartition, Long> progressEnds,
            OffsetsSnapshot offsets, long readAtNanos) {
    }

    public PipelineStatus status() {
        // Reports first, offsets after: every record a report accounts for is then in the offsets.
        Map<String, IngestReport> reports = queries.ingestReports();
        CachedOffsets read = offsetsAfter(reports);
        Settlement settlement = Settlement.evaluate(reports.values(), config.pipelineGroups(), read.offsets());
        List<String> reasons = new ArrayList<>(settlement.reasons());
        if (reasons.isEmpty()) {
            // Asked only when the offsets say settled: the tasks' own entries are the last word.
            reasons.addAll(ProgressRule.reasons(progressAround(read), config.progressStageGroups(),
                    read.offsets().committed()));
        }
        return new PipelineStatus(
                reasons.isEmpty(),
                SourceAccounting.bySource(reports.values()),
                settlement.lag(),
                List.copyOf(reasons));
    }

    /**
     * The progress entries as they were throughout the offsets snapshot: the progress topics must
     * end where they ended before it, and be read exactly that far. Otherwise a task that finished
     * after the snapshot (its results not in it) would count as finished, or one that started work
     * as idle.
     */
    private ProgressSnapshot progressAround(CachedOffsets read) {
        if (read.progressEnds().isEmpty()) {
            return ProgressSnapshot.notReadUpToDate("the reader has not found emi.progress and emi.concordance yet");
        }
        Map<TopicPartition, Long> endsNow = offsetsReader.committedEnds(read.progressEnds().keySet());
        if (!endsNow.equals(read.progressEnds())) {
            return ProgressSnapshot.notReadUpToDate("emi.progress changed while the offsets were read");
        }
        return progressReader.readAt(endsNow, config.progressReadTimeout());
    }

    private synchronized CachedOffsets offsetsAfter(Map<String, IngestReport> reports) {
        long now = System.nanoTime();
        boolean sameReports = cached != null && cached.reports().equals(reports);
        if (sameReports && now - cached.readAtNanos() < config.statusCacheTtl().toNanos()) {
            return cached;
        }
        if (!sameReports) {
            // A new release may come with new topics.
            offsetsReader.forgetTopicLayout();
        }
        Map<TopicPartition, Long> progressEnds = offsetsReader.committedEnds(progressReader.partitions());
        OffsetsSnapshot offsets = offsetsReader.read();
        cached = new CachedOffsets(Map.copyOf(reports), Map.copyOf(progressEnds), offsets, now);
        return cached;
    }
}
