package eu.emistreams.bench.data;

import eu.emistreams.bench.BenchException;
import eu.emistreams.sampledata.PatstatGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The two PATSTAT releases of a run: the first at the requested size, and the next full snapshot
 * with a fraction of its applications changed, removed or added. Both are a function of the seed,
 * so a directory completed once (its marker written after the generator finished) is reused.
 */
public record BenchReleases(Path first, Path second) {

    /** Generates what is missing under {@code dataDirectory}. */
    public static BenchReleases ensure(Path dataDirectory, int applications, long seed, double fraction, PrintStream log) {
        Path base = dataDirectory.resolve("patstat-" + applications + "-seed" + seed);
        Path first = base.resolve("r1");
        Path second = base.resolve(String.format(Locale.ROOT, "r2-fraction%.4f", fraction));
        try {
            if (!isComplete(first)) {
                log.printf("generating PATSTAT release 1: %,d transnational applications in %s%n", applications, first);
                long start = System.nanoTime();
                Files.createDirectories(first);
                new PatstatGenerator().generate(first, seed, applications);
                markComplete(first, "seed " + seed + ", " + applications + " applications");
                log.printf("  written in %.1f s%n", (System.nanoTime() - start) / 1e9);
            }
            if (!isComplete(second)) {
                log.printf("generating PATSTAT release 2: %.2f %% of the applications changed, removed or added, in %s%n",
                        fraction * 100, second);
                long start = System.nanoTime();
                Files.createDirectories(second);
                new PatstatGenerator().revise(first, second, seed + 1, fraction);
                markComplete(second, "revision of " + first + " with seed " + (seed + 1) + ", fraction " + fraction);
                log.printf("  written in %.1f s%n", (System.nanoTime() - start) / 1e9);
            }
        } catch (IOException e) {
            throw new BenchException("cannot write the benchmark releases under " + base + ": " + e.getMessage(), e);
        }
        return new BenchReleases(first, second);
    }

    /** Beside the release, not in it: the ingest reads every file of the release directory. */
    private static Path marker(Path release) {
        return release.resolveSibling(release.getFileName() + ".complete");
    }

    private static boolean isComplete(Path release) {
        return Files.isRegularFile(marker(release)) && Files.isDirectory(release);
    }

    private static void markComplete(Path release, String description) throws IOException {
        Files.writeString(marker(release), description + "\n", StandardCharsets.UTF_8);
    }
}
