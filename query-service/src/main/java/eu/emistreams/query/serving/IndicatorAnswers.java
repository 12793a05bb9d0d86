package eu.emistreams.query.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.emistreams.query.config.QueryConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;

/**
 * The JSON answers of {@code GET /api/indicators}, kept until the store changes.
 *
 * <p>Why: an answer is a scan, a decoding of every value and a JSON rendering, about a millisecond of
 * CPU for the 352 rows of a fact-sheet figure, while the same few hundred filters (an indicator of a
 * country) are asked again and again between two releases. An answer is kept with the
 * {@link StoreGeneration} it was computed under and served only while that generation holds, so a
 * new value is never hidden: any write to the store moves the generation on. Only answers computed
 * entirely from this instance's partitions are kept, since a write at another instance does not move
 * this instance's generation; with several instances, answers that ask another one are always computed.
 */
@ApplicationScoped
public class IndicatorAnswers {

    /** What one kept answer costs beyond its bytes (entry, key, generation), for the weight bound. */
    private static final int ENTRY_OVERHEAD_BYTES = 256;

    @Inject
    InteractiveQueries queries;

    @Inject
    StoreGeneration generation;

    @Inject
    ObjectMapper json;

    @Inject
    QueryConfig config;

    @Inject
    ProvisionalYears provisionalYears;

    private Cache<IndicatorFilter, KeptAnswer> kept;

    private record KeptAnswer(long generation, byte[] json) {
    }

    @PostConstruct
    void init() {
        kept = Caffeine.newBuilder()
                .maximumWeight(config.answerCacheBytes())
                .weigher((IndicatorFilter filter, KeptAnswer answer) -> answer.json().length + ENTRY_OVERHEAD_BYTES)
                .build();
    }

    /** The kept answer to a filter if it is still current, else null; never blocks. */
    public byte[] currentKeptJson(IndicatorFilter filter) {
        return keptAt(filter, generation.current());
    }

    /**
     * The answer to a filter as JSON: an array of rows sorted by indicator, country, code and year.
     * Blocks when it is not kept: it scans the stores and may ask the other instances.
     */
    public byte[] json(IndicatorFilter filter) {
        long seen = generation.current();
        byte[] current = keptAt(filter, seen);
        if (current != null) {
            return current;
        }
        InteractiveQueries.IndicatorAnswer computed = flagged(queries.indicatorAnswer(filter));
        byte[] rendered = render(computed);
        if (computed.fromThisInstanceOnly()) {
            kept.put(filter, new KeptAnswer(seen, rendered));
        }
        return rendered;
    }

    /**
     * Every patent row with its {@code provisional} flag. The provisional years come from every
     * patent.count value, not from the rows asked for: a filtered answer flags the years a full one would.
     */
    private InteractiveQueries.IndicatorAnswer flagged(InteractiveQueries.IndicatorAnswer answer) {
        if (answer.rows().stream().noneMatch(row -> ProvisionalYears.isPatent(row.indicator()))) {
            return answer;
        }
        java.util.Set<Integer> years = provisionalYears.current();
        return new InteractiveQueries.IndicatorAnswer(answer.rows().stream().map(row -> row.flagged(years)).toList(),
                answer.fromThisInstanceOnly());
    }

    /** The kept answer to a filter if it was computed under {@code seen}, else null. */
    private byte[] keptAt(IndicatorFilter filter, long seen) {
        KeptAnswer answer = kept.getIfPresent(filter);
        return answer != null && answer.generation() == seen ? answer.json() : null;
    }

    private byte[] render(InteractiveQueries.IndicatorAnswer answer) {
        try {
            return json.writeValueAsBytes(answer.rows());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("rendering indicator rows as JSON failed", e);
        }
    }
}
