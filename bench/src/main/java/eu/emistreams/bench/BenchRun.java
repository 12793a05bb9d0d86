package eu.emistreams.bench;

import eu.emistreams.bench.batch.ConcordanceRules;
import eu.emistreams.bench.batch.DuckDbBaseline;
import eu.emistreams.bench.batch.IndicatorId;
import eu.emistreams.bench.batch.ValueComparison;
import eu.emistreams.bench.data.BenchReleases;
import eu.emistreams.bench.latency.EventLatencyProbe;
import eu.emistreams.bench.latency.Percentiles;
import eu.emistreams.bench.load.QueryLoad;
import eu.emistreams.bench.load.QueryLoadGenerator;
import eu.emistreams.bench.pipeline.BenchStack;
import eu.emistreams.bench.pipeline.MemorySampler;
import eu.emistreams.bench.pipeline.PipelineClient;
import eu.emistreams.bench.pipeline.ProcessCpu;
import eu.emistreams.bench.report.BenchResult;
import eu.emistreams.bench.report.MachineDescription;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One benchmark run at one size, in this order: generate (or reuse) the two releases; time the
 * DuckDB baseline on release 1 while nothing else runs, and compute release 2's values; start a
 * stack of its own; time release 1 from submission to settled (backfill) and compare its values
 * with the baseline; the same for release 2 (release); time single changed applications to their
 * indicator (event latency); put a steady query load on from another process; stop the stack.
 * The stack's memory is sampled throughout.
 */
public final class BenchRun {

    static final String FIRST_RELEASE = "bench-r1";
    static final String SECOND_RELEASE = "bench-r2";
    /** The two EU countries the latency probe moves between. */
    static final String PROBE_FIRST_COUNTRY = "BE";
    static final String PROBE_SECOND_COUNTRY = "NL";
    private static final Duration PIPELINE_TIMEOUT = Duration.ofHours(2);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    private static final int QUERY_MAX_IN_FLIGHT = 256;
    /** Disk a run needs per transnational application: two releases, the broker's logs, state stores. */
    private static final long DISK_BYTES_PER_APPLICATION = 8_000;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final BenchSettings settings;
    private final PrintStream log;

    public BenchRun(BenchSettings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    public RunOutcome run() {
        Map<String, Object> machine = MachineDescription.describe();
        checkDiskSpace();
        BenchReleases releases = BenchReleases.ensure(settings.dataDirectory(), settings.applications(), settings.seed(),
                settings.releaseFraction(), log);
        ConcordanceRules rules = ConcordanceRules.read(settings.shippedConcordance());

        Double batchSeconds = null;
        Map<IndicatorId, Double> firstExpected = null;
        Map<IndicatorId, Double> secondExpected = null;
        Map<String, Double> batchSecondsByTable = Map.of();
        if (!settings.skipBatch()) {
            // The stack runs on this Java, so the baseline takes this Java's keyword word boundaries.
            DuckDbBaseline.Settings duckdb = DuckDbBaseline.Settings.forThisMachine(
                    settings.dataDirectory().resolve("duckdb-spill"), DuckDbBaseline.javaWordBoundariesAreUnicode());
            log.println("batch: DuckDB computes the patent indicators of release 1 from its CSV files");
            long start = System.nanoTime();
            DuckDbBaseline.Result first = new DuckDbBaseline(duckdb).compute(releases.first(), rules);
            batchSeconds = seconds(start, System.nanoTime());
            firstExpected = first.values();
            batchSecondsByTable = first.secondsByTable();
            log.printf("  %.1f s: %s%n", batchSeconds, first.counts());
            long secondStart = System.nanoTime();
            DuckDbBaseline.Result second = new DuckDbBaseline(duckdb).compute(releases.second(), rules);
            secondExpected = second.values();
            log.printf("  release 2 for the comparison: %.1f s, %d values%n", seconds(secondStart, System.nanoTime()),
                    secondExpected.size());
        }

        Path stackDirectory = settings.dataDirectory().resolve("stack-" + STAMP.format(Instant.now()));
        log.println("starting the benchmark stack in " + stackDirectory);
        Map<String, ValueComparison> comparisons = new LinkedHashMap<>();
        try (BenchStack stack = BenchStack.start(settings.repositoryRoot(), stackDirectory, log);
                MemorySampler memory = MemorySampler.start(stack.processes(), Duration.ofMillis(200))) {
            PipelineClient client = new PipelineClient(stack.settings());
            String applied = client.appliedConcordanceVersion(Duration.ofMinutes(2));
            if (!applied.equals(rules.version())) {
                throw new BenchException("the classifier applies concordance " + applied + " but "
                        + settings.shippedConcordance() + " is version " + rules.version()
                        + ": rebuild classifier-service so that both use the same rules");
            }

            double backfillSeconds = ingestUntilSettled(stack, client, releases.first(), FIRST_RELEASE, "backfill");
            Map<IndicatorId, Double> firstActual = client.allIndicators();
            compare(comparisons, FIRST_RELEASE, firstExpected, firstActual);

            double releaseSeconds = ingestUntilSettled(stack, client, releases.second(), SECOND_RELEASE, "release");
            Map<IndicatorId, Double> secondActual = client.allIndicators();
            compare(comparisons, SECOND_RELEASE, secondExpected, secondActual);

            double eventP99 = eventLatencyP99(stack, client, rules, secondActual);

            List<Integer> years = secondActual.keySet().stream().map(IndicatorId::year).distinct().sorted().toList();
            log.printf("query load: %s requests (%s) at %d req/s for %d s after %d s of warm-up, from a separate JVM%n",
                    settings.queryShape(), settings.queryShape().query(), settings.queryRate(),
                    settings.queryDuration().toSeconds(), settings.queryWarmup().toSeconds());
            QueryLoadGenerator.Outcome load = QueryLoad.runInSeparateJvm(new QueryLoadGenerator.Options(
                    stack.settings().queryUrl(), settings.queryShape().paths(years), settings.queryRate(),
                    settings.queryWarmup(), settings.queryDuration(), QUERY_MAX_IN_FLIGHT),
                    stackDirectory.resolve("query-load"));
            log.printf("  %.0f req/s answered, p50 %.2f ms, p99 %.2f ms, max %.1f ms; %d errors, %d skipped%n",
                    load.rps(), load.p50Ms(), load.p99Ms(), load.maxMs(), load.errors(), load.skipped());
            if (load.ok() == 0) {
                throw new BenchException("no query of the load was answered with success; see "
                        + stackDirectory.resolve("query-load"));
            }

            memory.close();
            long peak = memory.peakMebibytes();
            log.printf("stack peak resident memory %,d MB (per process peaks: %s)%n", peak, memory.highWaterMebibytes());
            BenchResult result = new BenchResult(settings.applications(), backfillSeconds, batchSeconds, releaseSeconds,
                    eventP99, load.p99Ms(), load.rps(), peak, machine);
            stack.deleteDataOnClose(!settings.keepStackData());
            return new RunOutcome(result, Map.copyOf(comparisons), load, memory.highWaterMebibytes(),
                    batchSecondsByTable);
        }
    }

    private double ingestUntilSettled(BenchStack stack, PipelineClient client, Path release, String releaseId,
            String what) {
        log.printf("%s: ingesting %s as release %s%n", what, release, releaseId);
        ProcessCpu cpu = ProcessCpu.from(stack.processes());
        long start = System.nanoTime();
        String job = client.submitIngest(release, releaseId);
        client.awaitIngest(job, PIPELINE_TIMEOUT);
        long ingested = System.nanoTime();
        long settled = client.awaitSettled(releaseId, PIPELINE_TIMEOUT);
        double total = seconds(start, settled);
        log.printf("  ingest job completed after %.1f s, pipeline settled after %.1f s%n", seconds(start, ingested), total);
        log.println("  CPU seconds by process: " + ProcessCpu.describe(cpu.secondsSinceStart()));
        return total;
    }

    private void compare(Map<String, ValueComparison> comparisons, String release, Map<IndicatorId, Double> expected,
            Map<IndicatorId, Double> actual) {
        if (expected == null) {
            return;
        }
        ValueComparison comparison = ValueComparison.of(expected, actual);
        comparisons.put(release, comparison);
        if (!comparison.matches()) {
            throw new BenchException("the pipeline and the DuckDB baseline disagree on release " + release + ": "
                    + comparison.describe());
        }
        log.println("  pipeline = baseline: " + comparison.describe());
    }

    private double eventLatencyP99(BenchStack stack, PipelineClient client, ConcordanceRules rules,
            Map<IndicatorId, Double> values) {
        ConcordanceRules.IpcRule rule = rules.firstIpcRule();
        int year = values.keySet().stream().mapToInt(IndicatorId::year).max()
                .orElseThrow(() -> new BenchException("the pipeline serves no indicator after release 2"));
        EventLatencyProbe.Target target = new EventLatencyProbe.Target(year, rule.code(), probeSymbol(rule),
                PROBE_FIRST_COUNTRY, PROBE_SECOND_COUNTRY);
        log.printf("event latency: %d changed applications (after %d untimed), each moving between %s and %s,"
                + " watched as patent.count %s %d%n", settings.latencySamples(), settings.latencyWarmups(),
                PROBE_FIRST_COUNTRY, PROBE_SECOND_COUNTRY, target.code(), year);
        double[] latencies;
        try (EventLatencyProbe probe = new EventLatencyProbe(stack.settings(), client, target)) {
            latencies = probe.measure(settings.latencyWarmups(), settings.latencySamples(), new Random(settings.seed()),
                    PROBE_TIMEOUT, line -> log.println("  " + line));
            probe.retract(PROBE_TIMEOUT);
        }
        client.awaitSettled(SECOND_RELEASE, PIPELINE_TIMEOUT);
        double p99 = Percentiles.of(latencies, 99);
        log.printf("  p50 %.0f ms, p99 %.0f ms%n", Percentiles.of(latencies, 50), p99);
        return p99;
    }

    /** A symbol the rule matches: the rule itself when it names a group, else its first group. */
    static String probeSymbol(ConcordanceRules.IpcRule rule) {
        if (rule.mainGroup() == null) {
            return rule.subclass() + "1/00";
        }
        return rule.subclass() + rule.mainGroup() + "/" + (rule.subgroupPrefix().isEmpty() ? "00" : rule.subgroupPrefix());
    }

    private void checkDiskSpace() {
        try {
            Files.createDirectories(settings.dataDirectory());
            long usable = Files.getFileStore(settings.dataDirectory()).getUsableSpace();
            long needed = DISK_BYTES_PER_APPLICATION * settings.applications();
            if (usable < needed) {
                throw new BenchException(String.format("%,d applications need about %,d MB of disk under %s; %,d MB are free",
                        settings.applications(), needed >> 20, settings.dataDirectory(), usable >> 20));
            }
        } catch (IOException e) {
            throw new BenchException("cannot use " + settings.dataDirectory() + ": " + e.getMessage(), e);
        }
    }

    static double seconds(long startNanos, long endNanos) {
        return (endNanos - startNanos) / 1e9;
    }
}
