package eu.emistreams.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.emistreams.bench.batch.ValueComparison;
import eu.emistreams.bench.report.BenchResult;
import eu.emistreams.bench.report.ResultFiles;
import eu.emistreams.stack.StackSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole benchmark, small: 3,000 applications through DuckDB and through a real stack of its
 * own, with every measure taken, so that the harness keeps working. Results and the docs row go
 * under target/, into a copy of the real docs page.
 */
class BenchSmokeIT {

    @Test
    void aSmallRunMeasuresEverythingAndThePipelineAgreesWithDuckDb() throws IOException {
        Path root = StackSettings.findRepositoryRoot(Path.of(System.getProperty("user.dir")));
        Path work = Path.of("target", "bench-smoke-" + Long.toHexString(System.nanoTime())).toAbsolutePath();
        Path docs = work.resolve("docs/benchmarks.md");
        Files.createDirectories(docs.getParent());
        Files.copy(root.resolve("docs/benchmarks.md"), docs);
        long rowsBefore = tableRows(docs);

        BenchCommand command = new BenchCommand();
        int exit = BenchCommand.commandLine(command).execute(
                "--applications", "3000",
                "--latency-samples", "20",
                "--query-rate", "200", "--query-warmup-seconds", "3", "--query-seconds", "5",
                "--data-dir", work.resolve("data").toString(),
                "--results-dir", work.resolve("results").toString(),
                "--docs", docs.toString());
        assertEquals(0, exit, "bench exit code");

        RunOutcome outcome = command.outcomes().get(0);
        assertEquals(List.of(BenchRun.FIRST_RELEASE, BenchRun.SECOND_RELEASE), List.copyOf(
                new java.util.TreeMap<>(outcome.comparisons()).keySet()));
        for (Map.Entry<String, ValueComparison> comparison : outcome.comparisons().entrySet()) {
            assertTrue(comparison.getValue().matches(), comparison.getKey() + ": " + comparison.getValue().describe());
            // 11 years x 32 codes x (27 + the countries with weight) x 3, plus ranks.
            assertTrue(comparison.getValue().compared() > 30_000, comparison.getKey() + " compared "
                    + comparison.getValue().compared());
        }

        Path file = command.resultFiles().get(0);
        Map<String, Object> json = new ObjectMapper().readValue(file.toFile(), new TypeReference<>() { });
        assertEquals(BenchResult.KEYS, List.copyOf(json.keySet()), "exactly the keys of the issue, in order");
        assertEquals(3_000, json.get("applications"));
        for (String key : List.of("backfill_seconds", "batch_seconds", "release_seconds", "event_latency_p99_ms",
                "query_p99_ms", "query_rps", "peak_rss_mb")) {
            assertTrue(((Number) json.get(key)).doubleValue() > 0, key + " = " + json.get(key));
        }
        Map<?, ?> machine = (Map<?, ?>) json.get("machine");
        assertEquals(Runtime.getRuntime().availableProcessors(), machine.get("cores"));
        // Six JVMs (broker, registry, four services) hold far more than 500 MB together.
        assertTrue(((Number) json.get("peak_rss_mb")).longValue() > 500, "peak " + json.get("peak_rss_mb"));

        assertEquals(rowsBefore + 1, tableRows(docs), "one row added to the results table");
        String page = Files.readString(docs, StandardCharsets.UTF_8);
        assertTrue(page.contains("| 3,000 |"), page);
        assertTrue(Files.isRegularFile(docs.resolveSibling("benchmarks-scaling.svg")));
    }

    private static long tableRows(Path docs) throws IOException {
        List<String> lines = Files.readAllLines(docs, StandardCharsets.UTF_8);
        int end = lines.indexOf(ResultFiles.TABLE_END);
        assertTrue(end > 0, "the page has the results table");
        return lines.subList(0, end).stream().filter(line -> line.startsWith("| 20")).count();
    }
}
