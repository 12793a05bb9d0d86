package eu.emistreams.stack.cli;

import eu.emistreams.stack.LocalStack;
import eu.emistreams.stack.StackSettings;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "up", description = "Start the local stack in the background and wait until every service is ready.")
class UpCommand implements Runnable {

    @Override
    public void run() {
        LocalStack stack = Launcher.stack();
        List<String> started = stack.up(true);
        StackSettings s = stack.settings();
        System.out.println(started.isEmpty() ? "the stack was already up" : "started: " + String.join(", ", started));
        printAddresses(s);
    }

    static void printAddresses(StackSettings s) {
        System.out.println();
        System.out.println("  Kafka broker     " + s.bootstrapServers());
        System.out.println("  Schema registry  " + s.registryUrl());
        System.out.println("  Query service    " + s.queryUrl() + "   (indicators, status, fact sheets)");
        System.out.println("  Ingest service   " + s.ingestUrl());
        System.out.println("  Classifier       " + s.classifierUrl());
        System.out.println("  Indicators       " + s.indicatorUrl());
        System.out.println("  Data and logs    " + s.dataDir());
    }
}
