package eu.emistreams.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

    static final Map<String, Object> MACHINE = Map.of("cpu", "Test CPU", "cores", 2, "memory_mib", 24576,
            "java", "OpenJDK 17");

    static BenchResult result(int applications, double backfill, Double batch) {
        return new BenchResult(applications, backfill, batch, 1.25, 812.0, 3.456, 1012.3, 2100L, MACHINE);
    }

    @Test
    void theJsonHasExactlyTheKeysOfTheIssue(@TempDir Path directory) throws IOException {
        Instant when = Instant.parse("2026-11-28T10:15:30Z");
        Path file = ResultFiles.writeJson(result(10_000, 31.314, 3.0), directory, when);
        assertEquals("2026-11-28T10-15-30Z.json", file.getFileName().toString());
        Map<String, Object> json = new ObjectMapper().readValue(file.toFile(), new TypeReference<>() { });
        assertEquals(BenchResult.KEYS, List.copyOf(json.keySet()));
        assertEquals(31.31, json.get("backfill_seconds"));
        assertEquals(2100, json.get("peak_rss_mb"));
        Path second = ResultFiles.writeJson(result(10_000, 1, null), directory, when);
        assertEquals("2026-11-28T10-15-30Z-2.json", second.getFileName().toString());
        List<BenchResult> all = ResultFiles.readAll(directory);
        assertEquals(2, all.size());
        assertEquals(null, all.get(1).batchSeconds(), "a measure not taken is null");
    }

    @Test
    void rowsGoAtTheEndOfTheTable(@TempDir Path directory) throws IOException {
        Path docs = directory.resolve("docs/benchmarks.md");
        Files.createDirectories(docs.getParent());
        Files.writeString(docs, "# Benchmarks\n\n" + ResultFiles.TABLE_HEADER + "\n" + ResultFiles.TABLE_END
                + "\n\nMore text.\n", StandardCharsets.UTF_8);
        Path json = directory.resolve("bench/results/2026-11-28T10-15-30Z.json");
        ResultFiles.appendRow(docs, result(100_000, 90, 30.0), json, Instant.parse("2026-11-28T10:15:30Z"));
        ResultFiles.appendRow(docs, result(300_000, 400, 50.0), json, Instant.parse("2026-11-28T11:15:30Z"));
        List<String> lines = Files.readAllLines(docs, StandardCharsets.UTF_8);
        int end = lines.indexOf(ResultFiles.TABLE_END);
        assertTrue(lines.get(end - 2).startsWith("| 2026-11-28 10:15 | 100,000 | 90.0 | 30.0 | 3.0 |"), lines.get(end - 2));
        assertTrue(lines.get(end - 1).startsWith("| 2026-11-28 11:15 | 300,000 | 400.0 | 50.0 | 8.0 |"), lines.get(end - 1));
        assertTrue(lines.get(end - 1).contains("backfill > 3 x batch"), lines.get(end - 1));
        assertTrue(lines.get(end - 1).endsWith("[json](../bench/results/2026-11-28T10-15-30Z.json) |"));
        assertEquals("More text.", lines.get(lines.size() - 1));
    }

    @Test
    void aPageWithoutTheTableGetsOne(@TempDir Path directory) throws IOException {
        Path docs = directory.resolve("benchmarks.md");
        ResultFiles.appendRow(docs, result(10_000, 30, 3.0), directory.resolve("r.json"), Instant.now());
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        assertTrue(text.contains(ResultFiles.TABLE_HEADER));
        assertTrue(text.strip().endsWith(ResultFiles.TABLE_END));
    }

    @Test
    void targetsAreCheckedAsTheIssueStatesThem() {
        BenchResult met = new BenchResult(1_000_000, 300.0, 100.0, 90.0, 950.0, 4.9, 1000.0, 3072L, MACHINE);
        assertEquals(List.of(), met.missedTargets());
        BenchResult missed = new BenchResult(1_000_000, 301.0, 100.0, 101.0, 1001.0, 5.1, 999.0, 3073L, MACHINE);
        assertEquals(List.of("backfill > 3 x batch", "release > batch", "event p99 > 1 s", "query p99 > 5 ms",
                "query < 1000 req/s", "stack > 3 GB"), missed.missedTargets());
    }
}
