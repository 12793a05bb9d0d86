package eu.emistreams.stack;

import eu.emistreams.stack.process.ManagedProcess;
import eu.emistreams.stack.process.Readiness;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Starts and stops the local stack. {@code up} is idempotent: a process this stack already runs is
 * left alone; a port held by anything else is an error naming the port and its variable.
 */
public final class LocalStack {

    private final StackComponents components;
    private final PrintStream out;

    public LocalStack(StackSettings settings, PrintStream out) {
        this.components = new StackComponents(settings);
        this.out = out;
    }

    public StackComponents components() {
        return components;
    }

    public StackSettings settings() {
        return components.settings();
    }

    /** Starts what is not running yet and waits until everything is ready; returns what it started. */
    public List<String> up(boolean withServices) {
        for (Path required : components.requiredArtifacts(withServices)) {
            if (!Files.exists(required)) {
                throw new StackException(required + " is missing: build first with ./mvnw -DskipTests install");
            }
        }
        List<ManagedProcess> all = components.all(withServices);
        for (ManagedProcess process : all) {
            if (process.running().isEmpty() && Readiness.portAccepts(StackSettings.HOST, process.port())) {
                throw new StackException("port " + process.port() + " for " + process.name()
                        + " is already in use by another process; free it or set " + portVariable(process.name()));
            }
        }
        if (components.kafka().running().isEmpty()
                && Readiness.portAccepts(StackSettings.HOST, settings().kafkaControllerPort())) {
            throw new StackException("port " + settings().kafkaControllerPort()
                    + " for the Kafka controller is already in use; free it or set EMI_KAFKA_CONTROLLER_PORT");
        }
        List<String> started = new ArrayList<>();
        ManagedProcess kafka = components.kafka();
        ManagedProcess registry = components.registry();
        if (KafkaCredentials.requested(System.getenv())) {
            secureKafka();
        }
        // Idempotent (configuration rewritten, storage formatted once), and needed also when the
        // broker found running is in fact dying from a kill a moment ago and will be started again.
        components.prepareKafka();
        startAll(List.of(kafka, registry), started, Duration.ofSeconds(90));
        createMissingTopics();
        if (withServices) {
            deploySchemas();
            ApiToken.ensure(settings());
            startAll(all.subList(2, all.size()), started, Duration.ofSeconds(180));
        }
        return started;
    }

    /**
     * Creates the missing topics and starts the services as processes on a broker and registry
     * that something else runs at this stack's addresses (the test containers); returns what it started.
     */
    public List<String> upServices() {
        return upServices(StackComponents.SERVICES);
    }

    /** {@link #upServices()} for some of the services only (none: the topics alone). */
    public List<String> upServices(List<String> services) {
        for (String service : services) {
            if (!Files.exists(components.serviceJar(service))) {
                throw new StackException(components.serviceJar(service)
                        + " is missing: build first with ./mvnw -DskipTests install");
            }
        }
        createMissingTopics();
        if (!services.isEmpty()) {
            deploySchemas();
        }
        ApiToken.ensure(settings());
        List<String> started = new ArrayList<>();
        startAll(services.stream().map(components::service).toList(), started, Duration.ofSeconds(180));
        return started;
    }

    private void createMissingTopics() {
        List<String> created = StackTopics.createMissing(settings());
        if (!created.isEmpty()) {
            out.println("created topics: " + String.join(", ", created));
        }
        if (KafkaCredentials.enabled(settings())) {
            try (org.apache.kafka.clients.admin.Admin admin = StackTopics.admin(settings())) {
                int acls = KafkaAcls.apply(admin, settings().repositoryRoot());
                if (!created.isEmpty()) {
                    out.println("Kafka: SASL/SCRAM, " + acls + " ACLs for the services' users (" + KafkaAcls.MANIFEST + ")");
                }
            }
        }
    }

    /** The deploy step: every schema registered (idempotent) before a service writes, since they do not register any. */
    private void deploySchemas() {
        SchemaDeploymentStep.run(settings());
    }

    /**
     * Makes this stack's broker require SASL/SCRAM and ACLs (EMI_KAFKA_SASL=true): possible when
     * the stack is created, since the users are written into the new cluster's metadata.
     */
    public void secureKafka() {
        if (KafkaCredentials.enabled(settings())) {
            return;
        }
        if (Files.exists(settings().dataDir().resolve("kafka/logs/meta.properties"))) {
            throw new StackException(KafkaCredentials.VARIABLE + "=true, but the stack in " + settings().dataDir()
                    + " was created without it; ./emi down --purge, then ./emi up again");
        }
        KafkaCredentials.ensure(settings());
    }

    private void startAll(List<ManagedProcess> processes, List<String> started, Duration timeout) {
        Map<ManagedProcess, ProcessHandle> launched = new LinkedHashMap<>();
        for (ManagedProcess process : processes) {
            Optional<ProcessHandle> running = process.running();
            if (running.isPresent()) {
                if (process.awaitReadyOrEnd(running.get(), timeout)) {
                    out.printf("%-19s already running (pid %d)%n", process.name(), running.get().pid());
                    continue;
                }
                out.printf("%-19s pid %d has ended; starting it again%n", process.name(), running.get().pid());
            }
            launched.put(process, process.start());
            started.add(process.name());
        }
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        launched.forEach((process, handle) -> waits.add(CompletableFuture.runAsync(() -> {
            process.awaitReady(handle, timeout);
            out.printf("%-19s ready on %s:%d (pid %d)%n", process.name(), StackSettings.HOST, process.port(),
                    handle.pid());
        })));
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof StackException stack) {
                throw stack;
            }
            throw e;
        }
    }

    /** Starts one more instance of a service (same application.id, own state and log) and waits for it. */
    public ManagedProcess startInstance(String service, int instance, int port) {
        ManagedProcess process = components.service(service, instance, port);
        ApiToken.ensure(settings());
        if (process.running().isEmpty()) {
            if (Readiness.portAccepts(StackSettings.HOST, port)) {
                throw new StackException("port " + port + " for " + process.name() + " is already in use");
            }
            process.awaitReady(process.start(), Duration.ofSeconds(180));
            out.printf("%-19s ready on %s:%d%n", process.name(), StackSettings.HOST, port);
        }
        return process;
    }

    /** Stops, services first, exactly the processes this stack started; optionally deletes the data. */
    public List<String> down(boolean purge) {
        List<ManagedProcess> all = new ArrayList<>(components.all(true));
        java.util.Collections.reverse(all);
        List<String> stopped = new ArrayList<>();
        // Services first, all at once (extra instances included); then the registry and the broker.
        List<ManagedProcess> services = new ArrayList<>(all.subList(0, StackComponents.SERVICES.size()));
        services.addAll(extraInstances());
        stopInParallel(services, stopped);
        stopInParallel(all.subList(StackComponents.SERVICES.size(), all.size()), stopped);
        if (purge) {
            deleteRecursively(settings().dataDir());
        }
        return stopped;
    }

    /** Instances started by {@link #startInstance}, found by their PID files. */
    private List<ManagedProcess> extraInstances() {
        List<ManagedProcess> extra = new ArrayList<>();
        Path runDir = settings().runDir();
        if (!Files.isDirectory(runDir)) {
            return extra;
        }
        try (Stream<Path> pids = Files.list(runDir)) {
            for (Path pid : pids.toList()) {
                String name = pid.getFileName().toString().replaceFirst("\\.pid$", "");
                for (String service : StackComponents.SERVICES) {
                    if (name.matches(java.util.regex.Pattern.quote(service) + "-\\d+")) {
                        int instance = Integer.parseInt(name.substring(service.length() + 1));
                        extra.add(components.service(service, instance, 0));
                    }
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot list " + runDir + ": " + e.getMessage(), e);
        }
        return extra;
    }

    /** The live process of this stack named {@code name} (kafka, registry, a service or an instance), if any. */
    public Optional<ProcessHandle> running(String name) {
        List<ManagedProcess> candidates = new ArrayList<>(components.all(true));
        candidates.addAll(extraInstances());
        return candidates.stream().filter(p -> p.name().equals(name)).findFirst().flatMap(ManagedProcess::running);
    }

    public List<String> stop(List<String> names) {
        List<ManagedProcess> selected = components.all(true).stream().filter(p -> names.contains(p.name())).toList();
        List<ManagedProcess> reversed = new ArrayList<>(selected);
        java.util.Collections.reverse(reversed);
        List<String> stopped = new ArrayList<>();
        for (ManagedProcess process : reversed) {
            if (process.stop(Duration.ofSeconds(30))) {
                stopped.add(process.name());
            }
        }
        return stopped;
    }

    private static void stopInParallel(List<ManagedProcess> processes, List<String> stopped) {
        List<CompletableFuture<Optional<String>>> stops = processes.stream()
                .map(p -> CompletableFuture.supplyAsync(
                        () -> p.stop(Duration.ofSeconds(30)) ? Optional.of(p.name()) : Optional.<String>empty()))
                .toList();
        stops.forEach(f -> f.join().ifPresent(stopped::add));
    }

    public static String portVariable(String process) {
        return switch (process) {
            case StackComponents.KAFKA -> "EMI_KAFKA_PORT";
            case StackComponents.REGISTRY -> "EMI_REGISTRY_PORT";
            case "ingest-service" -> "EMI_INGEST_PORT";
            case "classifier-service" -> "EMI_CLASSIFIER_PORT";
            case "indicator-service" -> "EMI_INDICATOR_PORT";
            case "query-service" -> "EMI_QUERY_PORT";
            default -> "the port variable";
        };
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new StackException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
