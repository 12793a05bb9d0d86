package eu.emistreams.stack.container;

import eu.emistreams.stack.LocalStack;
import eu.emistreams.stack.StackComponents;
import eu.emistreams.stack.StackException;
import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.StackTopics;
import eu.emistreams.stack.process.ManagedProcess;
import eu.emistreams.stack.process.Readiness;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The stack as containers of the images {@link StackImages} builds ({@code ./emi up --containers}):
 * the same ports on 127.0.0.1 as the process stack, state in named volumes. Every container shares
 * the host's network namespace and binds 127.0.0.1 only, so that the broker's advertised address
 * and every URL the services give each other are the same inside and outside the containers. Each
 * container and volume carries a label naming this stack's data directory: {@code down} removes
 * exactly those.
 */
public final class ContainerStack {

    static final String LABEL = "eu.emistreams.stack";
    private static final String STATE = "/var/lib/emi";

    private final ContainerEngine engine;
    private final StackSettings settings;
    private final StackComponents components;
    private final PrintStream out;

    public ContainerStack(ContainerEngine engine, StackSettings settings, PrintStream out) {
        this.engine = engine;
        this.settings = settings;
        this.components = new StackComponents(settings);
        this.out = out;
    }

    /** Whether this data directory's stack was started as containers (status, ingest and down follow it). */
    public static boolean isActive(StackSettings settings) {
        return Files.exists(marker(settings));
    }

    private static Path marker(StackSettings settings) {
        return settings.runDir().resolve("containers");
    }

    private static Path inbox(StackSettings settings) {
        return eu.emistreams.stack.ReleaseInbox.directory(settings);
    }

    /** One container of the stack: its name, image, environment, volumes and how it is known to be ready. */
    record Spec(String component, String image, int port, Map<String, String> environment,
            Map<String, String> volumes, Readiness readiness) {

        String containerName() {
            return "emi-" + component;
        }
    }

    List<Spec> specs() {
        List<Spec> specs = new ArrayList<>();
        Map<String, String> kafkaEnv = new LinkedHashMap<>();
        kafkaEnv.put("KAFKA_LISTEN_HOST", StackSettings.HOST);
        kafkaEnv.put("KAFKA_ADVERTISED_HOST", StackSettings.HOST);
        kafkaEnv.put("KAFKA_PORT", Integer.toString(settings.kafkaPort()));
        kafkaEnv.put("KAFKA_CONTROLLER_PORT", Integer.toString(settings.kafkaControllerPort()));
        specs.add(new Spec(StackComponents.KAFKA, StackImages.kafkaImage(), settings.kafkaPort(), kafkaEnv,
                Map.of("emi-kafka-data", "/var/lib/kafka/data"), Readiness.tcp(StackSettings.HOST, settings.kafkaPort())));
        specs.add(new Spec(StackComponents.REGISTRY, StackImages.registryImage(), settings.registryPort(),
                Map.of("QUARKUS_HTTP_HOST", StackSettings.HOST,
                        "QUARKUS_HTTP_PORT", Integer.toString(settings.registryPort())),
                Map.of("emi-registry-data", "/var/lib/registry"),
                Readiness.http(settings.registryUrl() + "/system/info")));
        for (String service : StackComponents.SERVICES) {
            int port = components.servicePort(service);
            Map<String, String> env = new LinkedHashMap<>();
            components.serviceConfig(service, port, STATE + "/state", STATE + "/ingest")
                    .forEach((property, value) -> env.put(StackComponents.environmentName(property), value));
            env.put("JAVA_OPTS", String.join(" ", StackComponents.serviceHeapOptions(service)));
            if (env.remove("EMI_AUTH_TOKEN_FILE") != null) {
                // The token file is its owner's only; the service user of the image could not read it.
                env.put("EMI_AUTH_TOKEN", eu.emistreams.stack.ApiToken.ensure(settings));
            }
            Map<String, String> volumes = new LinkedHashMap<>();
            volumes.put("emi-" + service + "-state", STATE);
            if (service.equals("ingest-service")) {
                String inbox = inbox(settings).toString();
                volumes.put(inbox, inbox + ":ro");
            }
            specs.add(new Spec(service, StackImages.serviceImage(service), port, env, volumes,
                    Readiness.http("http://" + StackSettings.HOST + ":" + port + "/q/health/ready")));
        }
        return specs;
    }

    /** Starts every container that is not running and waits until all are ready; returns what it started. */
    public List<String> up() {
        for (ManagedProcess process : components.all(true)) {
            if (process.running().isPresent()) {
                throw new StackException("the process stack runs " + process.name()
                        + " on this data directory: stop it with ./emi down first");
            }
        }
        StackImages images = new StackImages(engine, settings, out);
        List<String> missing = images.missing();
        if (!missing.isEmpty()) {
            out.println("building the missing images: " + String.join(", ", missing));
            images.buildAll();
        }
        try {
            Files.createDirectories(settings.runDir());
            Files.createDirectories(inbox(settings));
            Files.writeString(marker(settings), "containers of " + settings.dataDir() + "\n");
        } catch (IOException e) {
            throw new StackException("cannot write to " + settings.dataDir() + ": " + e.getMessage(), e);
        }
        List<Spec> specs = specs();
        List<String> started = new ArrayList<>();
        startAll(specs.subList(0, 2), started, Duration.ofSeconds(120));
        List<String> created = StackTopics.createMissing(settings);
        if (!created.isEmpty()) {
            out.println("created topics: " + String.join(", ", created));
        }
        startAll(specs.subList(2, specs.size()), started, Duration.ofSeconds(240));
        return started;
    }

    private void startAll(List<Spec> specs, List<String> started, Duration timeout) {
        List<Spec> launched = new ArrayList<>();
        for (Spec spec : specs) {
            Optional<String> state = engine.containerState(spec.containerName());
            if (state.isPresent() && state.get().equals("running")) {
                out.printf("%-19s already running (container %s)%n", spec.component(), spec.containerName());
                continue;
            }
            if (Readiness.portAccepts(StackSettings.HOST, spec.port())) {
                throw new StackException("port " + spec.port() + " for " + spec.component()
                        + " is already in use by another process; free it or set "
                        + LocalStack.portVariable(spec.component()));
            }
            if (state.isPresent()) {
                engine.run(List.of("start", spec.containerName()));
            } else {
                engine.run(runArguments(spec));
            }
            launched.add(spec);
            started.add(spec.component());
        }
        List<CompletableFuture<Void>> waits = launched.stream()
                .map(spec -> CompletableFuture.runAsync(() -> awaitReady(spec, timeout))).toList();
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof StackException stack ? stack : e;
        }
    }

    List<String> runArguments(Spec spec) {
        List<String> args = new ArrayList<>(List.of("run", "--detach", "--name", spec.containerName(),
                "--label", LABEL + "=" + settings.dataDir(), "--network", "host"));
        if (engine.command().endsWith("podman")) {
            // The image's health check runs on demand (./emi status): podman schedules it with
            // systemd timers, which a machine without systemd does not have.
            args.add("--health-interval=disable");
        }
        spec.environment().forEach((name, value) -> args.addAll(List.of("--env", name + "=" + value)));
        spec.volumes().forEach((volume, mount) -> {
            if (!volume.startsWith("/")) {
                ensureVolume(volume);
            }
            args.addAll(List.of("--volume", volume + ":" + mount));
        });
        args.add(spec.image());
        return args;
    }

    private void ensureVolume(String volume) {
        if (engine.tryRun(List.of("volume", "inspect", volume), Duration.ofSeconds(30)).exitCode() != 0) {
            engine.run(List.of("volume", "create", "--label", LABEL + "=" + settings.dataDir(), volume));
        }
    }

    private void awaitReady(Spec spec, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (spec.readiness().isReady()) {
                out.printf("%-19s ready on %s:%d (container %s)%n", spec.component(), StackSettings.HOST, spec.port(),
                        spec.containerName());
                return;
            }
            Optional<String> state = engine.containerState(spec.containerName());
            if (state.isEmpty() || !state.get().equals("running")) {
                throw new StackException(spec.component() + " stopped while starting: "
                        + ContainerEngine.lastLine(engine.tryRun(List.of("logs", "--tail", "5", spec.containerName()),
                                Duration.ofSeconds(30)).output())
                        + " (all of it: " + engine.command() + " logs " + spec.containerName() + ")");
            }
            sleep(500);
        }
        throw new StackException(spec.component() + " was not ready within " + timeout.toSeconds() + " s; see "
                + engine.command() + " logs " + spec.containerName());
    }

    /** The containers of this stack with their state and readiness, in start order. */
    public List<ContainerStatus> status() {
        List<ContainerStatus> statuses = new ArrayList<>();
        for (Spec spec : specs()) {
            Optional<String> state = engine.containerState(spec.containerName());
            String health = "-";
            if (state.isPresent() && state.get().equals("running")) {
                health = engine.tryRun(List.of("healthcheck", "run", spec.containerName()), Duration.ofSeconds(30))
                        .exitCode() == 0 ? "healthy" : "unhealthy";
            }
            statuses.add(new ContainerStatus(spec.component(), spec.containerName(), spec.port(),
                    state.orElse("absent"), spec.readiness().isReady(), health));
        }
        return statuses;
    }

    public record ContainerStatus(String component, String container, int port, String state, boolean ready,
            String health) {
    }

    /** Stops and removes this stack's containers (services first); with {@code purge} its volumes and data too. */
    public List<String> down(boolean purge) {
        List<Spec> specs = new ArrayList<>(specs());
        java.util.Collections.reverse(specs);
        List<String> stopped = new ArrayList<>();
        int services = StackComponents.SERVICES.size();
        removeInParallel(specs.subList(0, services), stopped);
        removeInParallel(specs.subList(services, specs.size()), stopped);
        if (purge) {
            String volumes = engine.run(List.of("volume", "ls", "--quiet", "--filter",
                    "label=" + LABEL + "=" + settings.dataDir()));
            for (String volume : volumes.lines().map(String::strip).filter(v -> !v.isEmpty()).toList()) {
                engine.run(List.of("volume", "rm", volume));
            }
        }
        try {
            Files.deleteIfExists(marker(settings));
        } catch (IOException e) {
            throw new StackException("cannot delete " + marker(settings) + ": " + e.getMessage(), e);
        }
        return stopped;
    }

    private void removeInParallel(List<Spec> specs, List<String> stopped) {
        List<CompletableFuture<Optional<String>>> removals = specs.stream().map(spec -> CompletableFuture.supplyAsync(() -> {
            Optional<String> state = engine.containerState(spec.containerName());
            if (state.isEmpty()) {
                return Optional.<String>empty();
            }
            String label = engine.run(List.of("container", "inspect", "--format",
                    "{{index .Config.Labels \"" + LABEL + "\"}}", spec.containerName())).strip();
            if (!label.equals(settings.dataDir().toString())) {
                return Optional.<String>empty();
            }
            engine.run(List.of("stop", "--time", "30", spec.containerName()));
            engine.run(List.of("rm", spec.containerName()));
            return Optional.of(spec.component());
        })).toList();
        removals.forEach(r -> r.join().ifPresent(stopped::add));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
