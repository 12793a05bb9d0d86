package eu.emistreams.bench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemorySamplerTest {

    @Test
    void readsKilobyteFieldsOfProcStatus() {
        List<String> status = List.of("Name:\tjava", "VmHWM:\t  812344 kB", "VmRSS:\t  712000 kB", "Threads:\t42");
        assertEquals(OptionalLong.of(712_000), MemorySampler.parseStatusField(status, "VmRSS"));
        assertEquals(OptionalLong.of(812_344), MemorySampler.parseStatusField(status, "VmHWM"));
        assertEquals(OptionalLong.empty(), MemorySampler.parseStatusField(status, "VmSwap"));
    }

    @Test
    void samplesTheResidentMemoryOfRealProcesses() {
        try (MemorySampler sampler = MemorySampler.start(Map.of("this-jvm", ProcessHandle.current()),
                Duration.ofMillis(20))) {
            PipelineClient.pause(Duration.ofMillis(100));
            assertTrue(sampler.peakMebibytes() > 10, "a JVM holds more than 10 MB: " + sampler.peakMebibytes());
            assertTrue(sampler.highWaterMebibytes().get("this-jvm") >= sampler.peakMebibytes());
        }
    }
}
