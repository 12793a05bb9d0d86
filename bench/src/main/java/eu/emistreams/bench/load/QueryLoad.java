package eu.emistreams.bench.load;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.emistreams.bench.BenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link QueryLoadGenerator} in a JVM of its own, on this JVM's class path, and reads its outcome. */
public final class QueryLoad {

    private QueryLoad() {
    }

    /** @param workDirectory where the request paths and the generator's log go */
    public static QueryLoadGenerator.Outcome runInSeparateJvm(QueryLoadGenerator.Options options, Path workDirectory) {
        try {
            Files.createDirectories(workDirectory);
            Path pathsFile = workDirectory.resolve("query-paths.txt");
            Files.write(pathsFile, options.paths(), StandardCharsets.UTF_8);
            Path log = workDirectory.resolve("query-load.log");
            Path result = workDirectory.resolve("query-load.json");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // A young generation sized so that the generator collects rarely: its pauses are latency too.
                    "-Xms256m", "-Xmx256m", "-Xmn192m", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"),
                    QueryLoadGenerator.class.getName(),
                    "--url", options.baseUrl(),
                    "--paths", pathsFile.toString(),
                    "--rate", Integer.toString(options.rate()),
                    "--warmup-seconds", Long.toString(options.warmup().toSeconds()),
                    "--seconds", Long.toString(options.duration().toSeconds()),
                    "--max-in-flight", Integer.toString(options.maxInFlight())));
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.to(result.toFile()))
                    .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            long limit = options.warmup().toSeconds() + options.duration().toSeconds() + 60;
            if (!process.waitFor(limit, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BenchException("the query load generator did not finish within " + limit + " s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new BenchException("the query load generator failed (exit " + process.exitValue() + "); see " + log);
            }
            String[] lines = Files.readString(result, StandardCharsets.UTF_8).strip().split("\n");
            Map<String, Object> outcome = new ObjectMapper().readValue(lines[lines.length - 1],
                    new TypeReference<Map<String, Object>>() { });
            return QueryLoadGenerator.Outcome.fromMap(outcome);
        } catch (IOException e) {
            throw new BenchException("the query load generator could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }
}
