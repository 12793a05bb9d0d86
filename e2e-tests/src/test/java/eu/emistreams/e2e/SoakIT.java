package eu.emistreams.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.emistreams.reference.ConcordanceRules;
import eu.emistreams.reference.Fraction;
import eu.emistreams.reference.IndicatorId;
import eu.emistreams.reference.PatstatRelease;
import eu.emistreams.reference.ReferencePatentIndicators;
import eu.emistreams.reference.ReferenceSourceIndicators;
import eu.emistreams.sampledata.ComtradeGenerator;
import eu.emistreams.sampledata.CrunchbaseGenerator;
import eu.emistreams.sampledata.GeneratedRelease;
import eu.emistreams.sampledata.PatstatGenerator;
import eu.emistreams.sampledata.ProdcomGenerator;
import eu.emistreams.stack.StackComponents;
import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.test.TestStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;

/**
 * The soak: releases of all four sources arriving in a loop for {@code emi.soak.minutes} (20 by
 * default) while a seeded killer sends SIGKILL to a random process of the stack every 20-50 s and
 * runs {@code up} after it; an ingest that dies is run again, as its FAILED report asks. At the
 * end every indicator of every source equals the independent computation of that source's last
 * release, and the stack's memory and disk stayed bounded. Not part of {@code .ci/run} (it lasts
 * as long as it is told to): {@code ./mvnw -o -pl e2e-tests verify -Psoak [-Demi.soak.minutes=N]
 * [-Demi.soak.seed=S]}; docs/reliability.md holds the figures of the runs made.
 */
class SoakIT {

    private static final List<String> KILLABLE = List.of(StackComponents.KAFKA, StackComponents.REGISTRY,
            "ingest-service", "classifier-service", "indicator-service", "query-service");
    private static final int MAX_ATTEMPTS = 20;

    /** One source's release chain: each release revises the one before. */
    private interface Reviser {
        GeneratedRelease revise(Path previous, Path next, long seed) throws IOException;
    }

    private static final class Chain {
        final String source;
        final Reviser reviser;
        Path last;
        int releases;

        Chain(String source, Path first, Reviser reviser) {
            this.source = source;
            this.last = first;
            this.reviser = reviser;
        }
    }

    private final List<String> kills = new CopyOnWriteArrayList<>();
    private final List<String> upFailures = new CopyOnWriteArrayList<>();
    private final List<long[]> samples = new CopyOnWriteArrayList<>();
    private final List<Map<String, Long>> componentSamples = new CopyOnWriteArrayList<>();

    @Test
    void releasesOfEverySourceUnderRandomKillsEndExactlyAndTheStackStaysBounded() throws Exception {
        Duration duration = Duration.ofMinutes(Long.getLong("emi.soak.minutes", 20));
        long seed = Long.getLong("emi.soak.seed", 20_261_203L);
        Path moduleDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path releases = moduleDir.resolve("target/e2e-soak-" + ProcessHandle.current().pid());
        ConcordanceRules rules = ConcordanceRules.shipped(StackSettings.findRepositoryRoot(moduleDir));
        PatstatGenerator patstat = new PatstatGenerator();
        ComtradeGenerator comtrade = new ComtradeGenerator();
        ProdcomGenerator prodcom = new ProdcomGenerator();
        CrunchbaseGenerator crunchbase = new CrunchbaseGenerator();
        List<Chain> chains = List.of(
                new Chain("patstat", patstat.generate(releases.resolve("patstat/S0"), seed, 2_000).directory(),
                        (previous, next, s) -> patstat.revise(previous, next, s, 0.2)),
                new Chain("comtrade", comtrade.generate(releases.resolve("comtrade/S0"), seed + 1, 3_000).directory(),
                        (previous, next, s) -> comtrade.revise(previous, next, s, 0.2)),
                new Chain("prodcom", prodcom.generate(releases.resolve("prodcom/S0"), seed + 2, 2_000).directory(),
                        (previous, next, s) -> prodcom.revise(previous, next, s, 0.2)),
                new Chain("crunchbase", crunchbase.generate(releases.resolve("crunchbase/S0"), seed + 3, 1_000).directory(),
                        (previous, next, s) -> crunchbase.revise(previous, next, s, 0.2)));

        TestStack stack = TestStack.startAsProcesses(true);
        Pipeline pipeline = new Pipeline(stack.settings());
        Random random = new Random(seed);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        Thread killer = new Thread(() -> killAtRandom(stack, random, deadline), "soak-killer");
        Thread sampler = new Thread(() -> sample(stack, deadline, start), "soak-sampler");
        try {
            for (Chain chain : chains) {
                ingestUntilCompleted(pipeline, chain.source, chain.last, "S0");
            }
            killer.start();
            sampler.start();
            long round = 0;
            while (System.nanoTime() < deadline) {
                round++;
                for (Chain chain : chains) {
                    if (System.nanoTime() >= deadline) {
                        break;
                    }
                    chain.releases++;
                    String release = "S" + chain.releases;
                    Path next = chain.reviser.revise(chain.last, releases.resolve(chain.source).resolve(release),
                            seed * 31 + chain.releases).directory();
                    ingestUntilCompleted(pipeline, chain.source, next, release);
                    PathUtils.deleteDirectory(chain.last);
                    chain.last = next;
                }
                Pipeline.log("soak round %d done; kills so far %d", round, kills.size());
            }
            killer.join(Duration.ofMinutes(3).toMillis());
            sampler.join(Duration.ofMinutes(1).toMillis());
            // Whatever the last kill left down comes back, as an operator's ./emi up would bring it.
            stack.up();
            pipeline.awaitSettled();

            Pipeline.log("soak of %d min, seed %d: %d releases, %d kills %s; up failures %s", duration.toMinutes(), seed,
                    chains.stream().mapToInt(c -> c.releases + 1).sum(), kills.size(), kills, upFailures);
            Pipeline.log("soak samples (minute, stack RSS MB, data dir MB): %s", describeSamples());
            Pipeline.log("soak disk by component (first -> middle-third peak -> last): %s", describeComponents());
            Chain patents = chains.get(0);
            pipeline.assertIndicatorsEqual(ReferencePatentIndicators.compute(PatstatRelease.read(patents.last), rules),
                    "patents after the soak");
            SortedMap<IndicatorId, Fraction> trade = ReferenceSourceIndicators.trade(chains.get(1).last, rules).indicators();
            SortedMap<IndicatorId, Fraction> production = ReferenceSourceIndicators.production(chains.get(2).last, rules)
                    .indicators();
            SortedMap<IndicatorId, Fraction> investment = ReferenceSourceIndicators.investment(chains.get(3).last, rules)
                    .indicators();
            assertAll(
                    () -> pipeline.assertIndicatorsEqual(ReferenceSourceIndicators.TRADE_INDICATORS, trade, "trade after the soak"),
                    () -> pipeline.assertIndicatorsEqual(ReferenceSourceIndicators.PRODUCTION_INDICATORS, production,
                            "production after the soak"),
                    () -> pipeline.assertIndicatorsEqual(ReferenceSourceIndicators.INVESTMENT_INDICATORS, investment,
                            "investment after the soak"));
            assertEquals(List.of(), upFailures, "up brought every killed process back");
            assertTrue(kills.size() >= duration.toMinutes(), "processes were killed: " + kills);
            assertBounded();
        } finally {
            stack.stop();
        }
    }

    /** Submits and waits, again and again while a kill gets in the way, until the release is in. */
    private static void ingestUntilCompleted(Pipeline pipeline, String source, Path directory, String release) {
        List<String> attempts = new ArrayList<>();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Pipeline.Submitted submitted;
            try {
                submitted = pipeline.submit(source, directory, release);
            } catch (AssertionError | RuntimeException e) {
                attempts.add("submit: " + e.getMessage());
                Pipeline.sleep(3_000);
                continue;
            }
            try {
                JsonNode job = pipeline.awaitEnd(submitted);
                if (job.path("state").asText().equals("COMPLETED")) {
                    return;
                }
                attempts.add("FAILED: " + job.path("message").asText());
            } catch (AssertionError | RuntimeException e) {
                // The ingest service died under the job: it is reported FAILED at its restart.
                pipeline.unstage(submitted);
                attempts.add("job lost: " + e.getMessage());
                Pipeline.sleep(3_000);
            }
        }
        throw new AssertionError(source + " " + release + " not ingested after " + MAX_ATTEMPTS + " attempts: " + attempts);
    }

    private void killAtRandom(TestStack stack, Random random, long deadline) {
        while (true) {
            long pause = 20_000 + random.nextInt(30_000);
            if (System.nanoTime() + pause * 1_000_000 >= deadline) {
                return;
            }
            Pipeline.sleep(pause);
            String victim = KILLABLE.get(random.nextInt(KILLABLE.size()));
            try {
                stack.kill(victim);
                kills.add(victim);
                Pipeline.log("soak: killed %s", victim);
            } catch (RuntimeException e) {
                Pipeline.log("soak: %s was not running: %s", victim, e.getMessage());
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    stack.up();
                    break;
                } catch (RuntimeException e) {
                    if (attempt == 5) {
                        upFailures.add(victim + ": " + e.getMessage());
                        break;
                    }
                    Pipeline.sleep(2_000);
                }
            }
        }
    }

    /** Every 30 s: the resident memory of the stack's processes and the size of its data directory. */
    private void sample(TestStack stack, long deadline, long start) {
        while (System.nanoTime() < deadline) {
            long rss = 0;
            for (String process : KILLABLE) {
                rss += stack.stack().running(process).map(SoakIT::residentBytes).orElse(0L);
            }
            Map<String, Long> byComponent = bytesByComponent(stack.settings().dataDir());
            samples.add(new long[] {(System.nanoTime() - start) / 1_000_000_000L, rss,
                    byComponent.values().stream().mapToLong(Long::longValue).sum()});
            componentSamples.add(byComponent);
            Pipeline.sleep(30_000);
        }
    }

    /**
     * Bounded: in the last third of the soak, neither the memory nor the disk exceeds 1.5 times
     * its peak in the middle third (plus 100 MB for the disk: a segment rolling in between). The
     * first third is left out: heaps grow to their working size and the topics fill up then.
     */
    private void assertBounded() {
        List<long[]> all = new ArrayList<>(samples);
        assertTrue(all.size() >= 6, "samples taken: " + all.size());
        int third = all.size() / 3;
        List<long[]> middle = all.subList(third, 2 * third);
        List<long[]> last = all.subList(all.size() - third, all.size());
        long middleRss = middle.stream().mapToLong(s -> s[1]).max().orElse(0);
        long lastRss = last.stream().mapToLong(s -> s[1]).max().orElse(0);
        long middleDisk = middle.stream().mapToLong(s -> s[2]).max().orElse(0);
        long lastDisk = last.stream().mapToLong(s -> s[2]).max().orElse(0);
        assertTrue(lastRss <= middleRss * 3 / 2, "memory " + middleRss / 1_048_576 + " MB then " + lastRss / 1_048_576 + " MB");
        assertTrue(lastDisk <= middleDisk * 3 / 2 + (100L << 20),
                "disk " + middleDisk / 1_048_576 + " MB then " + lastDisk / 1_048_576 + " MB");
    }

    /**
     * The data directory's bytes by what holds them: each top-level directory (the broker's log,
     * the registry, the ingest's state, the inbox, the logs), and the Streams state per instance.
     */
    private static Map<String, Long> bytesByComponent(Path dataDir) {
        Map<String, Long> bytes = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                Path relative = dataDir.relativize(file);
                String component = relative.getNameCount() == 1 ? "(files)"
                        : relative.getName(0).toString().equals("state") && relative.getNameCount() > 2
                                ? "state/" + relative.getName(1) : relative.getName(0).toString();
                try {
                    bytes.merge(component, Files.size(file), Long::sum);
                } catch (IOException e) {
                    // deleted between the walk and the size: a segment cleaned, a state file replaced
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // the directory changed under the walk; the next sample is taken 30 s later
        }
        return bytes;
    }

    /** Per component, MB at the first sample, the peak of the middle third and the last sample. */
    private String describeComponents() {
        List<Map<String, Long>> all = new ArrayList<>(componentSamples);
        if (all.size() < 3) {
            return "too few samples";
        }
        int third = all.size() / 3;
        java.util.Set<String> names = new java.util.TreeSet<>();
        all.forEach(sample -> names.addAll(sample.keySet()));
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            long first = all.get(0).getOrDefault(name, 0L) >> 20;
            long middle = all.subList(third, 2 * third).stream().mapToLong(m -> m.getOrDefault(name, 0L)).max().orElse(0) >> 20;
            long last = all.get(all.size() - 1).getOrDefault(name, 0L) >> 20;
            text.append(String.format("%s %d -> %d -> %d MB; ", name, first, middle, last));
        }
        return text.toString().trim();
    }

    private String describeSamples() {
        StringBuilder text = new StringBuilder();
        for (long[] sample : samples) {
            text.append(String.format("(%d, %d, %d) ", sample[0] / 60, sample[1] >> 20, sample[2] >> 20));
        }
        return text.toString().trim();
    }

    private static long residentBytes(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between the lookup and the read
        }
        return 0;
    }
}
