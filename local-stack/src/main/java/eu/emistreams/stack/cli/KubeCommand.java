package eu.emistreams.stack.cli;

import eu.emistreams.stack.container.ContainerEngine;
import eu.emistreams.stack.container.KubePlay;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kube", description = "Run the Kubernetes overlay deploy/k8s/overlays/local on this machine with "
        + "podman kube play, or remove it.", subcommands = {KubeCommand.Play.class, KubeCommand.Down.class})
class KubeCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "play", description = "Render the local overlay with kubectl kustomize, build the missing images, "
            + "play it with podman kube play and wait until every service is ready.")
    static class Play implements Runnable {
        @Override
        public void run() {
            var settings = Launcher.settings();
            List<String> workloads = new KubePlay(ContainerEngine.require(), settings, System.out).play();
            System.out.println("running: " + String.join(", ", workloads));
            UpCommand.printAddresses(settings);
        }
    }

    @Command(name = "down", description = "Remove the pods of the played overlay; --purge also its volumes.")
    static class Down implements Runnable {
        @Option(names = "--purge", description = "delete the volumes of the overlay's claims too")
        boolean purge;

        @Override
        public void run() {
            List<String> removed = new KubePlay(ContainerEngine.require(), Launcher.settings(), System.out).down(purge);
            System.out.println(removed.isEmpty() ? "nothing was played" : "removed: " + String.join(", ", removed));
        }
    }
}
