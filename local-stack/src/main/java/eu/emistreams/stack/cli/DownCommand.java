package eu.emistreams.stack.cli;

import eu.emistreams.stack.LocalStack;
import eu.emistreams.stack.container.ContainerEngine;
import eu.emistreams.stack.container.ContainerStack;
import eu.emistreams.stack.container.KubePlay;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "down", description = "Stop the processes (or remove the containers) the stack started; "
        + "--purge also deletes its data (and its volumes).")
class DownCommand implements Runnable {

    @Option(names = "--purge", description = "delete the data directory too")
    boolean purge;

    @Override
    public void run() {
        LocalStack stack = Launcher.stack();
        List<String> stopped = new java.util.ArrayList<>();
        if (KubePlay.isActive(stack.settings())) {
            stopped.addAll(new KubePlay(ContainerEngine.require(), stack.settings(), System.out).down(purge));
        }
        if (ContainerStack.isActive(stack.settings())) {
            stopped.addAll(new ContainerStack(ContainerEngine.require(), stack.settings(), System.out).down(purge));
        }
        stopped.addAll(stack.down(purge));
        System.out.println(stopped.isEmpty() ? "nothing was running" : "stopped: " + String.join(", ", stopped));
        if (purge) {
            System.out.println("deleted " + stack.settings().dataDir());
        }
    }
}
