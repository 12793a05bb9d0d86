package eu.emistreams.bench;

import eu.emistreams.bench.load.QueryShape;
import eu.emistreams.bench.report.BenchResult;
import eu.emistreams.bench.report.ResultFiles;
import eu.emistreams.bench.report.ScalingPlot;
import eu.emistreams.stack.StackException;
import eu.emistreams.stack.StackSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./emi bench}: measures the patent pipeline on the real local stack against a DuckDB batch
 * baseline (docs/benchmarks.md), writes {@code bench/results/<timestamp>.json} per run, adds a row
 * per run to the docs' results table and redraws the scaling plot.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "EMI Streams 0.1.0", sortOptions = false,
        description = "Generates PATSTAT releases, runs them through a local stack of its own and through a DuckDB"
                + " batch baseline, checks that both give the same indicator values, and measures backfill, release,"
                + " event latency, query load and memory. Run it on a quiet machine: it measures the machine.")
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--applications", defaultValue = "1000000", paramLabel = "N",
            description = "transnational applications in the first release (default ${DEFAULT-VALUE})")
    int applications;

    @Option(names = "--series", arity = "0..1", split = ",", paramLabel = "N",
            fallbackValue = "100000,300000,1000000",
            description = "run once per size instead, smallest first (without a value: 100000,300000,1000000)")
    List<Integer> series;

    @Option(names = "--skip-batch", description = "no DuckDB baseline: no batch time and no check of the values")
    boolean skipBatch;

    @Option(names = "--seed", defaultValue = "2024", description = "seed of the generated releases (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--release-fraction", defaultValue = "0.01", paramLabel = "F",
            description = "share of applications the second release changes, removes or adds (default ${DEFAULT-VALUE})")
    double releaseFraction;

    @Option(names = "--latency-samples", defaultValue = "200", paramLabel = "N",
            description = "changed applications timed to their indicator (default ${DEFAULT-VALUE})")
    int latencySamples;

    @Option(names = "--query-shape", defaultValue = "FIGURE",
            description = "requests of the query load: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    QueryShape queryShape;

    @Option(names = "--query-rate", defaultValue = "1100", paramLabel = "REQ/S",
            description = "requests per second of the query load (default ${DEFAULT-VALUE})")
    int queryRate;

    @Option(names = "--query-seconds", defaultValue = "30", paramLabel = "S",
            description = "measured duration of the query load (default ${DEFAULT-VALUE})")
    int querySeconds;

    @Option(names = "--query-warmup-seconds", defaultValue = "10", paramLabel = "S",
            description = "unmeasured load before it (default ${DEFAULT-VALUE})")
    int queryWarmupSeconds;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "releases and run state (default bench/data)")
    Path dataDirectory;

    @Option(names = "--results-dir", paramLabel = "DIR", description = "result files (default bench/results)")
    Path resultsDirectory;

    @Option(names = "--docs", paramLabel = "FILE",
            description = "page whose results table gets a row per run (default docs/benchmarks.md);"
                    + " the plot goes beside it as benchmarks-scaling.svg")
    Path docs;

    @Option(names = "--keep-stack-data", description = "keep the run's broker, registry and service state")
    boolean keepStackData;

    private final List<RunOutcome> outcomes = new ArrayList<>();
    private final List<Path> resultFiles = new ArrayList<>();

    @Override
    public Integer call() {
        Path root = StackSettings.findRepositoryRoot(Path.of(System.getProperty("emi.root", System.getProperty("user.dir"))));
        Path data = dataDirectory != null ? dataDirectory : root.resolve("bench/data");
        Path results = resultsDirectory != null ? resultsDirectory : root.resolve("bench/results");
        Path page = docs != null ? docs : root.resolve("docs/benchmarks.md");
        List<Integer> sizes = series == null || series.isEmpty() ? List.of(applications)
                : series.stream().sorted().toList();
        PrintStream out = System.out;
        for (int size : sizes) {
            out.printf("%n=== EMI Streams benchmark: %,d transnational applications ===%n", size);
            BenchSettings settings = new BenchSettings(root, data, size, seed, releaseFraction, skipBatch, 3,
                    latencySamples, queryShape, queryRate, Duration.ofSeconds(queryWarmupSeconds),
                    Duration.ofSeconds(querySeconds), keepStackData);
            RunOutcome outcome = new BenchRun(settings, out).run();
            outcomes.add(outcome);
            Instant finished = Instant.now();
            Path file = ResultFiles.writeJson(outcome.result(), results, finished);
            resultFiles.add(file);
            ResultFiles.appendRow(page, outcome.result(), file, finished);
            Path plot = page.toAbsolutePath().resolveSibling("benchmarks-scaling.svg");
            boolean plotted = ScalingPlot.write(ResultFiles.readAll(results), plot);
            printSummary(out, outcome.result(), file, page, plotted ? plot : null);
        }
        return 0;
    }

    private static void printSummary(PrintStream out, BenchResult result, Path file, Path page, Path plot) {
        out.println();
        out.println("result: " + file);
        result.toJson().forEach((key, value) -> out.printf("  %-22s %s%n", key, value));
        List<String> missed = result.missedTargets();
        out.println(missed.isEmpty() ? "every measured target met" : "targets missed: " + String.join("; ", missed));
        out.println("row added to " + page + (plot == null ? "" : "; plot " + plot));
    }

    /** The runs of the last call, in order. */
    public List<RunOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** The result files the last call wrote, in order. */
    public List<Path> resultFiles() {
        return List.copyOf(resultFiles);
    }

    /** Held so that the level set on it stays: java.util.logging keeps loggers weakly. */
    private static final java.util.logging.Logger REGISTRY_CLIENT_LOG = java.util.logging.Logger.getLogger("io.apicurio");

    public static void main(String[] args) {
        // Kafka clients and the registry serde log through slf4j-simple: warnings only.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        // The registry client warns once about its shared Vert.x instance, which is fine for one probe producer.
        REGISTRY_CLIENT_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(commandLine(new BenchCommand()).execute(args));
    }

    /** The command with failures the user can act on printed as one line, not a stack trace. */
    public static CommandLine commandLine(BenchCommand command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            if (exception instanceof BenchException || exception instanceof StackException) {
                cmd.getErr().println("emi bench: " + exception.getMessage());
                return 1;
            }
            throw exception;
        });
        return commandLine;
    }
}
