package eu.emistreams.stack.cli;

import eu.emistreams.sampledata.ComtradeGenerator;
import eu.emistreams.sampledata.CrunchbaseGenerator;
import eu.emistreams.sampledata.PatstatGenerator;
import eu.emistreams.sampledata.ProdcomGenerator;
import eu.emistreams.sampledata.ReleaseGenerator;
import eu.emistreams.stack.LocalStack;
import eu.emistreams.stack.StackException;
import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.container.ContainerEngine;
import eu.emistreams.stack.container.ContainerStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "Start the stack, ingest the bundled sample data, print the fact sheet "
        + "address and stay in the foreground until Ctrl-C, which stops what this command started.")
class DemoCommand implements Runnable {

    static final String RELEASE = "sample-2024A";
    /** The release after it, a few percent of each source revised, added and removed. */
    static final String NEXT_RELEASE = "sample-2024B";
    /** The rules the classifier starts with, as the repository holds them. */
    private static final String DEFAULT_CONCORDANCE = "classifier-service/src/main/resources/concordance/default-concordance.csv";

    /** The share of each sample a second release touches: revisions small enough to read as news. */
    static final double NEXT_RELEASE_FRACTION = 0.03;

    @Option(names = "--applications", defaultValue = "20000",
            description = "transnational applications in the sample PATSTAT release, and trade flows in the Comtrade "
                    + "one; Prodcom gets half as many observations, Crunchbase a quarter as many rounds (default ${DEFAULT-VALUE})")
    int applications;

    @Option(names = "--seed", defaultValue = "2024", description = "seed of the sample data (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--containers", description = "run the stack as containers (./emi up --containers)")
    boolean containers;

    @Override
    public void run() {
        LocalStack stack = Launcher.stack();
        StackSettings settings = stack.settings();
        boolean inContainers = containers || ContainerStack.isActive(settings);
        ContainerStack containerStack = inContainers
                ? new ContainerStack(ContainerEngine.require(), settings, System.out) : null;
        List<String> started = inContainers ? containerStack.up() : stack.up(true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!started.isEmpty()) {
                System.out.println();
                System.out.println("stopping " + String.join(", ", started) + " ...");
                if (inContainers) {
                    containerStack.down(false);
                } else {
                    stack.stop(started);
                }
            }
            stopped.countDown();
        }, "emi-demo-stop"));

        // Two releases of each source, as they arrive in a year: the first, then its revision, so
        // that the fact sheet and GET /api/revisions show what the second one changed.
        for (String releaseId : List.of(RELEASE, NEXT_RELEASE)) {
            for (Sample sample : samples()) {
                Path release = releaseDir(settings, sample, releaseId);
                generateIfMissing(sample, releaseId, release);
                System.out.println("ingesting the sample " + sample.source() + " release " + release);
                IngestCommand.printSummary(IngestCommand.ingest(settings, sample.source(), release, releaseId, true));
            }
            System.out.println("waiting for the pipeline to settle ...");
            WaitCommand.waitUntilSettled(settings, Duration.ofMinutes(15));
        }

        System.out.println();
        System.out.println("EMI Streams is running.");
        System.out.println("  Fact sheet of Belgium:  " + settings.queryUrl() + "/factsheet/BE");
        System.out.println("  Indicators (JSON):      " + settings.queryUrl()
                + "/api/indicators?country=BE&indicator=patent.world_share");
        System.out.println("  What " + NEXT_RELEASE + " changed: " + settings.queryUrl() + "/api/revisions?release="
                + NEXT_RELEASE + "&country=BE");
        System.out.println("  The EU27 and its peers: " + settings.queryUrl()
                + "/api/indicators?country=EU27&country=US&country=CN&indicator=patent.world_share&code=G.REN");
        System.out.println("  Numbers of the figures: " + settings.queryUrl() + "/factsheet/BE.xlsx");
        System.out.println("  Record accounting:      " + settings.queryUrl() + "/api/status");
        System.out.println("  A second rule set beside the one in force, e.g. the shipped rules without keywords:");
        System.out.println("    grep -v '^KEYWORD,' " + DEFAULT_CONCORDANCE + " > /tmp/ipc-only.csv");
        System.out.println("    ./emi concordance load /tmp/ipc-only.csv --variant ipc-only");
        System.out.println("    then " + settings.queryUrl() + "/factsheet/BE/sensitivity?variant=ipc-only");
        UpCommand.printAddresses(settings);
        System.out.println();
        System.out.println(started.isEmpty()
                ? "The stack was already up; Ctrl-C leaves it running (./emi down stops it)."
                : "Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Beside the release, not in it: the ingest reads the release directory. */
    private static Path completeMarker(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".complete");
    }

    /** A bundled sample: the source, how many records, and the generator that writes it in its real layout. */
    private record Sample(String source, int size, String unit, ReleaseGenerator generator) {
    }

    private List<Sample> samples() {
        return List.of(
                new Sample("patstat", applications, "transnational applications", new PatstatGenerator()),
                new Sample("comtrade", applications, "trade flows", new ComtradeGenerator()),
                new Sample("prodcom", applications / 2, "production observations", new ProdcomGenerator()),
                new Sample("crunchbase", applications / 4, "funding rounds", new CrunchbaseGenerator()));
    }

    private static Path releaseDir(StackSettings settings, Sample sample, String releaseId) {
        return settings.dataDir().resolve("samples").resolve(sample.source()).resolve(releaseId);
    }

    private void generateIfMissing(Sample sample, String releaseId, Path dir) {
        if (Files.isRegularFile(completeMarker(dir))) {
            return;
        }
        boolean first = releaseId.equals(RELEASE);
        System.out.println("generating a sample " + sample.source() + " release "
                + (first ? "of " + sample.size() + " " + sample.unit() : "revising " + RELEASE) + " in " + dir);
        try {
            if (first) {
                Files.createDirectories(dir);
                sample.generator().generate(dir, seed, sample.size());
            } else {
                sample.generator().revise(dir.resolveSibling(RELEASE), dir, seed + 1, NEXT_RELEASE_FRACTION);
            }
            Files.writeString(completeMarker(dir), "seed " + seed + ", " + sample.size() + " " + sample.unit()
                    + (first ? "" : ", " + NEXT_RELEASE_FRACTION + " of " + RELEASE + " revised") + "\n");
        } catch (IOException e) {
            throw new StackException("cannot write the sample data to " + dir + ": " + e.getMessage(), e);
        }
    }
}
