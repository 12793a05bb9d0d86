package eu.emistreams.stack.cli;

import eu.emistreams.sampledata.ComtradeGenerator;
import eu.emistreams.sampledata.CrunchbaseGenerator;
import eu.emistreams.sampledata.PatstatGenerator;
import eu.emistreams.sampledata.ProdcomGenerator;
import eu.emistreams.stack.LocalStack;
import eu.emistreams.stack.StackException;
import eu.emistreams.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import eu.emistreams.stack.container.ContainerEngine;
import eu.emistreams.stack.container.ContainerStack;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "Start the stack, ingest the bundled sample data, print the fact sheet "
        + "address and stay in the foreground until Ctrl-C, which stops what this command started.")
class DemoCommand implements Runnable {

    static final String RELEASE = "sample-2024A";

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

        for (Sample sample : samples()) {
            Path release = settings.dataDir().resolve("samples").resolve(sample.source()).resolve(RELEASE);
            generateIfMissing(sample, release);
            System.out.println("ingesting the sample " + sample.source() + " release " + release);
            IngestCommand.printSummary(IngestCommand.ingest(settings, sample.source(), release, RELEASE, true));
        }
        System.out.println("waiting for the pipeline to settle ...");
        WaitCommand.waitUntilSettled(settings, Duration.ofMinutes(15));

        System.out.println();
        System.out.println("EMI Streams is running.");
        System.out.println("  Fact sheet of Belgium:  " + settings.queryUrl() + "/factsheet/BE");
        System.out.println("  Indicators (JSON):      " + settings.queryUrl()
                + "/api/indicators?country=BE&indicator=patent.world_share");
        System.out.println("  Record accounting:      " + settings.queryUrl() + "/api/status");
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
    private record Sample(String source, int size, String unit, SampleWriter writer) {
    }

    @FunctionalInterface
    private interface SampleWriter {
        void write(Path dir, long seed, int size) throws IOException;
    }

    private List<Sample> samples() {
        return List.of(
                new Sample("patstat", applications, "transnational applications",
                        (dir, s, n) -> new PatstatGenerator().generate(dir, s, n)),
                new Sample("comtrade", applications, "trade flows",
                        (dir, s, n) -> new ComtradeGenerator().generate(dir, s, n)),
                new Sample("prodcom", applications / 2, "production observations",
                        (dir, s, n) -> new ProdcomGenerator().generate(dir, s, n)),
                new Sample("crunchbase", applications / 4, "funding rounds",
                        (dir, s, n) -> new CrunchbaseGenerator().generate(dir, s, n)));
    }

    private void generateIfMissing(Sample sample, Path dir) {
        if (Files.isRegularFile(completeMarker(dir))) {
            return;
        }
        System.out.println("generating a sample " + sample.source() + " release of " + sample.size() + " "
                + sample.unit() + " in " + dir);
        try {
            Files.createDirectories(dir);
            sample.writer().write(dir, seed, sample.size());
            Files.writeString(completeMarker(dir), "seed " + seed + ", " + sample.size() + " " + sample.unit() + "\n");
        } catch (IOException e) {
            throw new StackException("cannot write the sample data to " + dir + ": " + e.getMessage(), e);
        }
    }
}
