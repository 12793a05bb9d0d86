package eu.emistreams.stack.cli;

import eu.emistreams.stack.LocalStack;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "down", description = "Stop the processes the stack started; --purge also deletes its data.")
class DownCommand implements Runnable {

    @Option(names = "--purge", description = "delete the data directory too")
    boolean purge;

    @Override
    public void run() {
        LocalStack stack = Launcher.stack();
        List<String> stopped = stack.down(purge);
        System.out.println(stopped.isEmpty() ? "nothing was running" : "stopped: " + String.join(", ", stopped));
        if (purge) {
            System.out.println("deleted " + stack.settings().dataDir());
        }
    }
}
