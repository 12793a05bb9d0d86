package eu.emistreams.bench.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.emistreams.bench.BenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The results of the benchmark on disk: one JSON file per run, and a row per run in the docs' table. */
public final class ResultFiles {

    /** The results table of the docs ends at this line; new rows go just above it. */
    public static final String TABLE_END = "<!-- bench-results:end -->";
    static final String TABLE_HEADER = String.join("\n",
            "| run (UTC) | applications | backfill s | batch s | backfill / batch | release s | event p99 ms"
                    + " | query p99 ms | query req/s | stack peak RSS MB | targets missed | machine | result |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|");

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ROW_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    /** Writes {@code <timestamp>.json}; a second run in the same second gets a suffix. */
    public static Path writeJson(BenchResult result, Path directory, Instant finished) {
        try {
            Files.createDirectories(directory);
            String stem = FILE_TIME.format(finished);
            Path file = directory.resolve(stem + ".json");
            for (int n = 2; Files.exists(file); n++) {
                file = directory.resolve(stem + "-" + n + ".json");
            }
            Files.writeString(file, JSON.writeValueAsString(result.toJson()) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new BenchException("cannot write the result to " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Every result of the directory, oldest first (the file names are timestamps). */
    public static List<BenchResult> readAll(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<BenchResult> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            // By name without ".json": a timestamp, then "-2" for a second run in the same second.
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted(java.util.Comparator.comparing((Path f) -> f.getFileName().toString().replaceFirst("\\.json$", "")))
                    .toList()) {
                results.add(BenchResult.fromJson(JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { })));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BenchException("cannot read the results in " + directory + ": " + e.getMessage(), e);
        }
        return results;
    }

    /**
     * Adds the run's row at the end of the results table of {@code docs} (above {@link #TABLE_END});
     * a file without the table gets one.
     */
    public static void appendRow(Path docs, BenchResult result, Path resultFile, Instant finished) {
        try {
            String text = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "";
            String link = docs.toAbsolutePath().getParent().relativize(resultFile.toAbsolutePath()).toString();
            String row = row(result, ROW_TIME.format(finished), link);
            int end = text.indexOf(TABLE_END);
            String updated;
            if (end < 0) {
                updated = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + TABLE_HEADER + "\n" + row
                        + "\n" + TABLE_END + "\n";
            } else {
                updated = text.substring(0, end) + row + "\n" + text.substring(end);
            }
            Files.createDirectories(docs.toAbsolutePath().getParent());
            Files.writeString(docs, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BenchException("cannot update " + docs + ": " + e.getMessage(), e);
        }
    }

    static String row(BenchResult r, String when, String link) {
        String ratio = r.backfillSeconds() == null || r.batchSeconds() == null || r.batchSeconds() == 0 ? "–"
                : String.format(Locale.ROOT, "%.1f", r.backfillSeconds() / r.batchSeconds());
        List<String> missed = r.missedTargets();
        return "| " + when
                + " | " + String.format(Locale.ROOT, "%,d", r.applications())
                + " | " + format(r.backfillSeconds(), 1)
                + " | " + format(r.batchSeconds(), 1)
                + " | " + ratio
                + " | " + format(r.releaseSeconds(), 1)
                + " | " + format(r.eventLatencyP99Ms(), 0)
                + " | " + format(r.queryP99Ms(), 2)
                + " | " + format(r.queryRps(), 0)
                + " | " + (r.peakRssMb() == null ? "–" : String.format(Locale.ROOT, "%,d", r.peakRssMb()))
                + " | " + (missed.isEmpty() ? "none" : String.join("; ", missed))
                + " | " + MachineDescription.summary(r.machine()).replace("|", "/")
                + " | [json](" + link + ") |";
    }

    private static String format(Double value, int decimals) {
        return value == null ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
