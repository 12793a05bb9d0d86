package eu.emistreams.query.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.VariantIndicatorKey;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.events.testing.AvroBinarySerde;
import eu.emistreams.query.testing.TestQueryConfig;
import eu.emistreams.query.topology.QuerySerdes;
import eu.emistreams.query.topology.QueryTopology;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Streams instance that has not started (waiting for its topics) answers "not ready", not 500. */
class InteractiveQueriesTest {

    private KafkaStreams streams;
    private InteractiveQueries queries;

    @BeforeEach
    void createButDoNotStart() throws Exception {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "emi-query-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("emi-query-state").toString());
        QuerySerdes serdes = new QuerySerdes(AvroBinarySerde.of(IndicatorKey.class),
                AvroBinarySerde.of(IndicatorValue.class), Serdes.String(), AvroBinarySerde.of(IngestReport.class),
            AvroBinarySerde.of(VariantIndicatorKey.class));
        streams = new KafkaStreams(QueryTopology.build(serdes, List.of("emi.indicators.patent"), properties), properties);

        queries = new InteractiveQueries();
        queries.streams = streams;
        queries.config = new TestQueryConfig(3, Duration.ofMillis(500));
        queries.retry = new StoreRetry();
        queries.retry.config = queries.config;
        queries.applicationServer = Optional.of("127.0.0.1:8080");
        queries.init();
    }

    @AfterEach
    void close() {
        streams.close(Duration.ofSeconds(5));
    }

    @Test
    void indicatorQueriesAreUnavailableWithARetryAfter() {
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> queries.indicatorAnswer(IndicatorFilter.all()));
        assertTrue(e.getMessage().contains("CREATED"), e.getMessage());
        assertEquals(1, e.retryAfterSeconds());
        assertThrows(StoreUnavailableException.class, () -> queries.localIndicators(IndicatorFilter.all(), Set.of(0)));
    }

    @Test
    void ingestReportsAreUnavailableToo() {
        assertThrows(StoreUnavailableException.class, () -> queries.ingestReports());
    }

    @Test
    void readinessExplainsWhy() {
        assertEquals(Optional.of("Kafka Streams is CREATED"), queries.notQueryableReason());
    }
}
