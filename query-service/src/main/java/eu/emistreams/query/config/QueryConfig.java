package eu.emistreams.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The query service's own settings, under {@code emi.query}. */
@ConfigMapping(prefix = "emi.query")
public interface QueryConfig {

    /** Every indicator topic served; Streams waits for all of them to exist. */
    List<String> indicatorTopics();

    /** The consumer groups that must have caught up for the pipeline to be settled. */
    List<String> pipelineGroups();

    /**
     * The source topics of each pipeline group, counted even before the group commits anything,
     * so that a group that has not started yet while its input holds data is not settled.
     * The query service's own group always reads {@link #indicatorTopics()}.
     */
    Map<String, List<String>> groupSourceTopics();

    /**
     * The consumer group of each stage whose tasks write emi.progress ({@code classifier},
     * {@code indicator}): once the group has committed anything, settled wants an entry of the stage.
     */
    Map<String, String> progressStageGroups();

    /** How long {@code /api/status} waits for emi.progress to be read up to its end offsets. */
    @WithDefault("2s")
    Duration progressReadTimeout();

    /** How long an offsets snapshot answers {@code /api/status} before the brokers are asked again. */
    @WithDefault("200ms")
    Duration statusCacheTtl();

    /**
     * How long the list of topics and their partitions answers {@code /api/status} before it is
     * read again; a changed ingest report always has it read again.
     */
    @WithDefault("30s")
    Duration topicLayoutTtl();

    /**
     * Memory for answers of {@code GET /api/indicators} kept until the store changes
     * ({@code serving.IndicatorAnswers}); 0 keeps none.
     */
    @WithDefault("67108864")
    long answerCacheBytes();

    /**
     * How many of the latest patent priority years are provisional ({@code serving.ProvisionalYears}):
     * the latest year with a counted application and the years before it, this many in all; 0 turns the
     * flag off (every patent value is then {@code provisional: false}).
     */
    @WithDefault("2")
    int provisionalYears();

    /** What the fact sheet's highlight rules may conclude. */
    Highlights highlights();

    interface Highlights {
        /**
         * The smallest fractional count of the country's patent applications (patent.count of the field
         * in the first year of a trend) from which a trend is stated; a smaller base says nothing ("rose
         * from 0%" never appears).
         */
        @WithDefault("5")
        double minBaseCount();
    }

    /** Bounded retries while a store is not queryable (rebalance, restore), before answering 503. */
    StoreRetry storeRetry();

    /** Calls to the other instances of this service. */
    Remote remote();

    interface StoreRetry {
        @WithDefault("5")
        int attempts();

        @WithDefault("50ms")
        Duration initialBackoff();

        @WithDefault("400ms")
        Duration maxBackoff();

        /** No new attempt starts after this long, so a slow instance cannot stretch a request. */
        @WithDefault("2s")
        Duration budget();

        /** The {@code Retry-After} of a 503, in seconds. */
        @WithDefault("1")
        int retryAfterSeconds();
    }

    interface Remote {
        @WithDefault("1s")
        Duration connectTimeout();

        @WithDefault("3s")
        Duration requestTimeout();
    }
}
