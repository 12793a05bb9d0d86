package eu.emistreams.stack.cli;

import eu.emistreams.sampledata.PatstatGenerator;
import eu.emistreams.stack.LocalStack;
import eu.emistreams.stack.StackException;
import eu.emistreams.stack.StackSettings;
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

    @Option(names = "--applications", defaultValue = "20000",
            description = "transnational applications in the sample PATSTAT release (default ${DEFAULT-VALUE})")
    int applications;

    @Option(names = "--seed", defaultValue = "2024", description = "seed of the sample data (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public void run() {
        LocalStack stack = Launcher.stack();
        StackSettings settings = stack.settings();
        List<String> started = stack.up(true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!started.isEmpty()) {
                System.out.println();
                System.out.println("stopping " + String.join(", ", started) + " ...");
                stack.stop(started);
            }
            stopped.countDown();
        }, "emi-demo-stop"));

        Path patstat = settings.dataDir().resolve("samples/patstat").resolve(RELEASE);
        generateIfMissing(patstat);
        System.out.println("ingesting the sample PATSTAT release " + patstat);
        IngestCommand.printSummary(IngestCommand.ingest(settings, "patstat", patstat, RELEASE, true));
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

    private void generateIfMissing(Path dir) {
        if (Files.isRegularFile(completeMarker(dir))) {
            return;
        }
        System.out.println("generating a sample PATSTAT release of " + applications + " applications in " + dir);
        try {
            Files.createDirectories(dir);
            new PatstatGenerator().generate(dir, seed, applications);
            Files.writeString(completeMarker(dir), "seed " + seed + ", " + applications + " applications\n");
        } catch (IOException e) {
            throw new StackException("cannot write the sample data to " + dir + ": " + e.getMessage(), e);
        }
    }
}
