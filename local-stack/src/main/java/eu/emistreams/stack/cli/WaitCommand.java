package eu.emistreams.stack.cli;

import eu.emistreams.stack.StackException;
import eu.emistreams.stack.StackSettings;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "wait", description = "Block until every published record went through every stage (GET /api/status settled).")
class WaitCommand implements Runnable {

    @Option(names = "--timeout", defaultValue = "600", description = "seconds before giving up (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public void run() {
        waitUntilSettled(Launcher.settings(), Duration.ofSeconds(timeoutSeconds));
        System.out.println("settled");
    }

    static void waitUntilSettled(StackSettings settings, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Two consecutive settled answers: a release whose first events are in flight can look settled once.
        int settledInARow = 0;
        while (System.nanoTime() < deadline) {
            Http.Answer answer = Http.get(settings.queryUrl() + "/api/status", Duration.ofSeconds(10));
            if (answer.ok() && answer.body() != null && answer.body().path("settled").asBoolean(false)) {
                if (++settledInARow >= 2) {
                    return;
                }
            } else {
                settledInARow = 0;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted");
            }
        }
        throw new StackException("the pipeline did not settle within " + timeout.toSeconds() + " s (see ./emi status)");
    }
}
