package eu.emistreams.query.testing;

import eu.emistreams.query.config.QueryConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The defaults of {@link QueryConfig}, with short timeouts, for tests that run without CDI. */
public class TestQueryConfig implements QueryConfig {

    private final int attempts;
    private final Duration budget;

    public TestQueryConfig(int attempts, Duration budget) {
        this.attempts = attempts;
        this.budget = budget;
    }

    public TestQueryConfig() {
        this(5, Duration.ofSeconds(2));
    }

    @Override
    public List<String> indicatorTopics() {
        return List.of("emi.indicators.patent");
    }

    @Override
    public List<String> pipelineGroups() {
        return List.of("emi-classifier", "emi-indicator", "emi-query");
    }

    @Override
    public Map<String, List<String>> groupSourceTopics() {
        return Map.of("emi-classifier", List.of("emi.patstat.applications"),
                "emi-indicator", List.of("emi.patents.classified"));
    }

    @Override
    public Map<String, String> progressStageGroups() {
        return Map.of("classifier", "emi-classifier", "indicator", "emi-indicator");
    }

    @Override
    public Duration progressReadTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration statusCacheTtl() {
        return Duration.ofMillis(200);
    }

    @Override
    public Duration topicLayoutTtl() {
        return Duration.ofSeconds(30);
    }

    @Override
    public int provisionalYears() {
        return 2;
    }

    @Override
    public Highlights highlights() {
        return () -> 5;
    }

    @Override
    public long answerCacheBytes() {
        return 64L << 20;
    }

    @Override
    public StoreRetry storeRetry() {
        return new StoreRetry() {
            @Override
            public int attempts() {
                return attempts;
            }

            @Override
            public Duration initialBackoff() {
                return Duration.ofMillis(10);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(40);
            }

            @Override
            public Duration budget() {
                return budget;
            }

            @Override
            public int retryAfterSeconds() {
                return 1;
            }
        };
    }

    @Override
    public Remote remote() {
        return new Remote() {
            @Override
            public Duration connectTimeout() {
                return Duration.ofMillis(500);
            }

            @Override
            public Duration requestTimeout() {
                return Duration.ofMillis(500);
            }
        };
    }
}
