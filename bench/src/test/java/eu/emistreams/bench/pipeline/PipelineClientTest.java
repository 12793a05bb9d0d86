package eu.emistreams.bench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PipelineClientTest {

    @Test
    void looksAgainSoonOnceLittleWaitsAndAtMostEverySecondWhileMuchDoes() {
        assertEquals(Duration.ofMillis(100), PipelineClient.pollAfter(0));
        assertEquals(Duration.ofMillis(100), PipelineClient.pollAfter(2_000));
        assertEquals(Duration.ofMillis(400), PipelineClient.pollAfter(20_000));
        assertEquals(Duration.ofSeconds(1), PipelineClient.pollAfter(50_000));
        assertEquals(Duration.ofSeconds(1), PipelineClient.pollAfter(3_000_000));
    }
}
