package eu.emistreams.stack.container;

import eu.emistreams.stack.StackComponents;
import eu.emistreams.stack.StackException;
import eu.emistreams.stack.StackSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The images of the stack, built with the container engine from what the Maven build produced: a
 * Java base made from Debian packages (debootstrap, then imported: nothing is pulled from an image
 * registry), the Kafka broker and the Apicurio Registry from the same Maven Central artifacts as
 * the process stack, and one image per service from its packaged Quarkus application. The engine's
 * layer cache makes a rebuild with nothing changed take seconds.
 */
public final class StackImages {

    public static final String BASE = "emi-streams/java-base:17-bookworm";

    private static final Properties VERSIONS = loadVersions();

    private final ContainerEngine engine;
    private final StackSettings settings;
    private final PrintStream out;
    private final Path work;
    private final Path log;

    public StackImages(ContainerEngine engine, StackSettings settings, PrintStream out) {
        this.engine = engine;
        this.settings = settings;
        this.out = out;
        this.work = settings.repositoryRoot().resolve("local-stack/target/images");
        this.log = work.resolve("build.log");
    }

    public static String kafkaImage() {
        return "emi-streams/kafka:" + VERSIONS.getProperty("kafka.version");
    }

    public static String registryImage() {
        return "emi-streams/registry:" + VERSIONS.getProperty("apicurio.registry.version");
    }

    public static String serviceImage(String service) {
        return "emi-streams/" + service + ":" + VERSIONS.getProperty("project.version");
    }

    /** Every image the stack runs, in build order after the base. */
    public static List<String> stackImages() {
        List<String> images = new ArrayList<>(List.of(kafkaImage(), registryImage()));
        StackComponents.SERVICES.forEach(s -> images.add(serviceImage(s)));
        return images;
    }

    /** The stack's images that the engine does not have. */
    public List<String> missing() {
        return stackImages().stream().filter(image -> !engine.imageExists(image)).toList();
    }

    /** Builds (or, where nothing changed, re-tags from the layer cache) every image. */
    public List<String> buildAll() {
        StackComponents components = new StackComponents(settings);
        for (Path required : components.requiredArtifacts(true)) {
            if (!Files.exists(required)) {
                throw new StackException(required + " is missing: build first with ./mvnw -DskipTests install");
            }
        }
        try {
            Files.createDirectories(work);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new StackException("cannot create " + work + ": " + e.getMessage(), e);
        }
        buildBase();
        build(kafkaImage(), "kafka.Containerfile", stageKafkaContext(components), List.of());
        build(registryImage(), "registry.Containerfile",
                components.registryRunner().getParent(), List.of());
        for (String service : StackComponents.SERVICES) {
            Path app = components.serviceJar(service).getParent();
            build(serviceImage(service), "service.Containerfile", app, List.of(
                    "--build-arg", "SERVICE=" + service,
                    "--build-arg", "PORT=" + defaultPort(service)));
        }
        return stackImages();
    }

    /** The base image, by deploy/containers/build-base-image.sh (debootstrap, once), when missing. */
    private void buildBase() {
        if (engine.imageExists(BASE)) {
            return;
        }
        out.println("building the Debian base image with debootstrap (about 2 minutes, once)...");
        long start = System.nanoTime();
        runHostCommand(List.of("bash", containerfiles().resolve("build-base-image.sh").toString(), work.toString()));
        out.printf("%-46s built in %.1f s%n", BASE, (System.nanoTime() - start) / 1e9);
    }

    private String runHostCommand(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            String output;
            try (InputStream stdout = process.getInputStream()) {
                output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (process.waitFor() != 0) {
                throw new StackException(String.join(" ", command) + " failed; see " + log);
            }
            return output;
        } catch (IOException e) {
            throw new StackException("cannot run " + command.get(0) + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    private void build(String image, String containerfile, Path context, List<String> arguments) {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("build", "--format", "docker",
                "-f", containerfiles().resolve(containerfile).toString(), "-t", image));
        if (engine.command().endsWith("docker")) {
            command.remove("--format");
            command.remove("docker");
        }
        command.addAll(arguments);
        command.add(context.toString());
        engine.runLogged(command, log);
        out.printf("%-46s built in %.1f s%n", image, (System.nanoTime() - start) / 1e9);
    }

    /** The broker's build context: its jars (hard links where possible), configuration template and entry point. */
    private Path stageKafkaContext(StackComponents components) {
        Path context = work.resolve("kafka");
        Path libs = context.resolve("libs");
        try {
            Files.createDirectories(libs);
            List<Path> jars = Stream.of(Files.readString(components.kafkaClasspathFile(), StandardCharsets.UTF_8)
                    .trim().split(java.io.File.pathSeparator)).map(Path::of).toList();
            Set<String> names = jars.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            try (Stream<Path> present = Files.list(libs)) {
                for (Path stale : present.filter(p -> !names.contains(p.getFileName().toString())).toList()) {
                    Files.delete(stale);
                }
            }
            for (Path jar : jars) {
                Path target = libs.resolve(jar.getFileName().toString());
                if (Files.exists(target) && Files.size(target) == Files.size(jar)) {
                    continue;
                }
                Files.deleteIfExists(target);
                try {
                    Files.createLink(target, jar);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(jar, target);
                }
            }
            Files.writeString(context.resolve("server.properties.template"), StackComponents.kafkaProperties(
                    "@NODE_ID@", "@LISTEN_HOST@", "@ADVERTISED_HOST@", "@PORT@", "@CONTROLLER_PORT@", "@LOG_DIRS@"),
                    StandardCharsets.UTF_8);
            Files.writeString(context.resolve("log4j2.properties"), StackComponents.kafkaLog4j2(), StandardCharsets.UTF_8);
            Files.copy(containerfiles().resolve("kafka-entrypoint.sh"), context.resolve("kafka-entrypoint.sh"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("cannot stage the broker image in " + context + ": " + e.getMessage(), e);
        }
        return context;
    }

    /** Writes one OCI archive per image into {@code dir}, for podman load, docker load or ctr import. */
    public List<Path> save(Path dir) {
        List<Path> archives = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StackException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        for (String image : stackImages()) {
            Path archive = dir.resolve(image.replace("emi-streams/", "emi-streams-").replace(':', '-') + ".tar");
            try {
                Files.deleteIfExists(archive);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> command = engine.command().endsWith("docker")
                    ? List.of("save", "-o", archive.toString(), image)
                    : List.of("save", "--format", "oci-archive", "-o", archive.toString(), image);
            engine.run(command);
            archives.add(archive);
        }
        return archives;
    }

    private Path containerfiles() {
        return settings.repositoryRoot().resolve("deploy/containers");
    }

    /** The port a service listens on inside its image unless QUARKUS_HTTP_PORT says otherwise. */
    public static int defaultPort(String service) {
        return StackSettings.DEFAULT_PORTS.get(eu.emistreams.stack.LocalStack.portVariable(service));
    }

    private static Properties loadVersions() {
        Properties properties = new Properties();
        try (InputStream in = StackImages.class.getResourceAsStream("/eu/emistreams/stack/versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("versions.properties is missing from the launcher");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
