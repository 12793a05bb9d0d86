package eu.emistreams.stack.cli;

import eu.emistreams.stack.container.ContainerEngine;
import eu.emistreams.stack.container.StackImages;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "images", description = "Build the container images of the stack (broker, registry, the four services) "
        + "with podman or docker; --save DIR also writes them as OCI archives.")
class ImagesCommand implements Runnable {

    @Option(names = "--save", paramLabel = "DIR", description = "write one OCI archive per image into DIR")
    Path save;

    @Override
    public void run() {
        ContainerEngine engine = ContainerEngine.require();
        StackImages images = new StackImages(engine, Launcher.settings(), System.out);
        long start = System.nanoTime();
        List<String> built = images.buildAll();
        System.out.printf("%d images ready with %s in %.1f s%n", built.size(), engine.command(),
                (System.nanoTime() - start) / 1e9);
        if (save != null) {
            for (Path archive : images.save(save.toAbsolutePath())) {
                System.out.println("saved " + archive);
            }
        }
    }
}
