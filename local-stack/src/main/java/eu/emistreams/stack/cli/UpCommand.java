package eu.emistreams.stack.cli;

import eu.emistreams.stack.LocalStack;
import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.container.ContainerEngine;
import eu.emistreams.stack.container.ContainerStack;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", description = "Start the local stack in the background and wait until every service is ready.")
class UpCommand implements Runnable {

    @Option(names = "--containers", description = "run the stack as containers of the images of ./emi images "
            + "(built when missing) instead of processes")
    boolean containers;

    @Override
    public void run() {
        StackSettings s = Launcher.settings();
        List<String> started;
        if (containers || ContainerStack.isActive(s)) {
            started = new ContainerStack(ContainerEngine.require(), s, System.out).up();
        } else {
            started = new LocalStack(s, System.out).up(true);
        }
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
