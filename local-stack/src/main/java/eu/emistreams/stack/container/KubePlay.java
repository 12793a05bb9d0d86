package eu.emistreams.stack.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.emistreams.stack.StackComponents;
import eu.emistreams.stack.StackException;
import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.StackTopics;
import eu.emistreams.stack.process.ManagedProcess;
import eu.emistreams.stack.process.Readiness;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./emi kube play}: the Kubernetes overlay {@code deploy/k8s/overlays/local}, rendered by
 * {@code kubectl kustomize}, run by {@code podman kube play} with the stack's images, at the
 * default ports on 127.0.0.1 (the overlay fixes them: every pod shares the host's network).
 * {@code ./emi kube down} removes its pods, {@code --purge} its volumes (the claims) too.
 */
public final class KubePlay {

    public static final String OVERLAY = "deploy/k8s/overlays/local";

    private final ContainerEngine engine;
    private final StackSettings settings;
    private final PrintStream out;

    public KubePlay(ContainerEngine engine, StackSettings settings, PrintStream out) {
        if (!engine.command().endsWith("podman")) {
            throw new StackException("./emi kube play needs podman (it runs Kubernetes YAML with podman kube play); "
                    + ContainerEngine.SETUP_HINT);
        }
        this.engine = engine;
        this.settings = settings;
        this.out = out;
    }

    /** Whether this data directory's stack runs as the played overlay. */
    public static boolean isActive(StackSettings settings) {
        return Files.exists(rendered(settings));
    }

    static Path rendered(StackSettings settings) {
        return settings.runDir().resolve("kube-local.yaml");
    }

    /**
     * What is played: the rendered overlay less the claims whose volumes exist from an earlier play
     * (podman 4.3 refuses to create a volume that exists; the pods mount it by the claim's name).
     */
    private static Path playedFile(StackSettings settings) {
        return settings.runDir().resolve("kube-local-played.yaml");
    }

    private static Path playedServicesFile(StackSettings settings) {
        return settings.runDir().resolve("kube-local-played-services.yaml");
    }

    /**
     * The documents to play, claims whose volume exists left out: first the broker, the registry
     * and the volumes, then the four services, which are played once the schemas are registered.
     */
    private List<String> withoutExistingClaims(String yaml) {
        List<String> infrastructure = new ArrayList<>();
        List<String> services = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            List<String> claims = objectNames(document, "PersistentVolumeClaim");
            if (claims.size() == 1 && engine.tryRun(List.of("volume", "exists", claims.get(0)),
                    Duration.ofSeconds(30)).exitCode() == 0) {
                continue;
            }
            if (!document.isBlank()) {
                List<String> deployments = objectNames(document, "Deployment");
                boolean service = deployments.size() == 1 && StackComponents.SERVICES.contains(deployments.get(0));
                String played = withApiToken(document.strip() + "\n");
                (service ? services : infrastructure).add(played);
                if (!objectNames(document, "ConfigMap").isEmpty()) {
                    // podman resolves a pod's configMapKeyRef in the file it plays: both need it.
                    services.add(played);
                }
            }
        }
        return List.of(String.join("---\n", infrastructure), String.join("---\n", services));
    }

    /**
     * The write endpoints' token, by value, for the services that have them: it is this data
     * directory's (ApiToken), which no manifest in the repository can know.
     */
    private String withApiToken(String document) {
        List<String> deployments = objectNames(document, "Deployment");
        if (deployments.size() != 1 || !List.of("ingest-service", "classifier-service").contains(deployments.get(0))) {
            return document;
        }
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            JsonNode tree = yaml.readTree(document);
            for (JsonNode container : tree.path("spec").path("template").path("spec").path("containers")) {
                com.fasterxml.jackson.databind.node.ArrayNode env = container.has("env")
                        ? (com.fasterxml.jackson.databind.node.ArrayNode) container.get("env")
                        : ((com.fasterxml.jackson.databind.node.ObjectNode) container).putArray("env");
                env.addObject().put("name", "EMI_AUTH_TOKEN").put("value", eu.emistreams.stack.ApiToken.ensure(settings));
            }
            return yaml.writeValueAsString(tree).replaceFirst("^---\\s*\n", "");
        } catch (IOException e) {
            throw new StackException("cannot add the API token to " + deployments.get(0) + ": " + e.getMessage(), e);
        }
    }

    public List<String> play() {
        for (ManagedProcess process : new StackComponents(settings).all(true)) {
            if (process.running().isPresent()) {
                throw new StackException("the process stack runs " + process.name() + ": stop it with ./emi down first");
            }
        }
        if (ContainerStack.isActive(settings)) {
            throw new StackException("the container stack runs (./emi up --containers): stop it with ./emi down first");
        }
        StackSettings defaults = StackSettings.fromEnvironment(Map.of("EMI_ROOT", settings.repositoryRoot().toString()));
        if (!defaults.equals(new StackSettings(defaults.repositoryRoot(), defaults.dataDir(), settings.kafkaPort(),
                settings.kafkaControllerPort(), settings.registryPort(), settings.queryPort(), settings.ingestPort(),
                settings.classifierPort(), settings.indicatorPort()))) {
            throw new StackException(OVERLAY + " runs on the default ports: unset the EMI_*_PORT variables");
        }
        String yaml = render();
        StackImages images = new StackImages(engine, settings, out);
        List<String> missing = images.missing();
        if (!missing.isEmpty()) {
            out.println("building the missing images: " + String.join(", ", missing));
            images.buildAll();
        }
        Map<String, Readiness> readiness = readiness();
        List<String> workloads = workloads(yaml);
        if (!isActive(settings)) {
            readiness.forEach((component, check) -> {
                if (check.isReady() || Readiness.portAccepts(StackSettings.HOST, port(component))) {
                    throw new StackException("port " + port(component) + " for " + component
                            + " is already in use; free it first");
                }
            });
        }
        Path file = rendered(settings);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            List<String> phases = withoutExistingClaims(yaml);
            Files.writeString(playedFile(settings), phases.get(0), StandardCharsets.UTF_8);
            // It holds the API token.
            eu.emistreams.stack.OwnerOnlyFiles.write(playedServicesFile(settings), phases.get(1));
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
        engine.run(List.of("kube", "play", "--replace", playedFile(settings).toString()));
        await(StackComponents.KAFKA, readiness.get(StackComponents.KAFKA), Duration.ofMinutes(2));
        // The services' Streams start once their topics exist: create them as ./emi up does.
        List<String> created = StackTopics.createMissing(settings);
        if (!created.isEmpty()) {
            out.println("created topics: " + String.join(", ", created));
        }
        // The deploy step of the init container register-schemas, which podman cannot wait for.
        await(StackComponents.REGISTRY, readiness.get(StackComponents.REGISTRY), Duration.ofMinutes(2));
        eu.emistreams.stack.SchemaDeploymentStep.run(settings);
        engine.run(List.of("kube", "play", "--replace", playedServicesFile(settings).toString()));
        out.println("played " + OVERLAY + ": " + String.join(", ", workloads));
        readiness.forEach((component, check) -> await(component, check, Duration.ofMinutes(4)));
        return workloads;
    }

    /** Removes the played pods; with {@code purge} also the volumes of the overlay's claims. */
    public List<String> down(boolean purge) {
        Path file = rendered(settings);
        if (!Files.exists(file)) {
            return List.of();
        }
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("cannot read " + file + ": " + e.getMessage(), e);
        }
        // A play that failed half-way leaves some pods only, and podman kube down stops at the
        // first one missing: the pods that remain are removed by name.
        if (engine.tryRun(List.of("kube", "down", file.toString()), Duration.ofMinutes(2)).exitCode() != 0) {
            for (String workload : workloads(yaml)) {
                engine.tryRun(List.of("pod", "rm", "--force", "--ignore", workload + "-pod-0"), Duration.ofMinutes(1));
            }
        }
        if (purge) {
            for (String claim : objectNames(yaml, "PersistentVolumeClaim")) {
                engine.tryRun(List.of("volume", "rm", "--force", claim), Duration.ofMinutes(1));
            }
        }
        try {
            Files.delete(file);
            Files.deleteIfExists(playedFile(settings));
            Files.deleteIfExists(playedServicesFile(settings));
        } catch (IOException e) {
            throw new StackException("cannot delete " + file + ": " + e.getMessage(), e);
        }
        return workloads(yaml);
    }

    /** The pods that podman runs for the played overlay, as podman lists them. */
    public String pods() {
        return engine.run(List.of("pod", "ps", "--format", "{{.Name}}\t{{.Status}}\t{{.NumberOfContainers}} containers"));
    }

    private String render() {
        Path overlay = settings.repositoryRoot().resolve(OVERLAY);
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).start();
            byte[] stderr;
            String yaml;
            try (var stdout = kubectl.getInputStream(); var err = kubectl.getErrorStream()) {
                yaml = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
                stderr = err.readAllBytes();
            }
            if (!kubectl.waitFor(2, TimeUnit.MINUTES) || kubectl.exitValue() != 0) {
                throw new StackException("kubectl kustomize " + OVERLAY + " failed: "
                        + ContainerEngine.lastLine(new String(stderr, StandardCharsets.UTF_8)));
            }
            return yaml;
        } catch (IOException e) {
            throw new StackException("kubectl is needed to render " + OVERLAY + " (Debian: apt-get install kubectl)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    private Map<String, Readiness> readiness() {
        Map<String, Readiness> checks = new LinkedHashMap<>();
        checks.put(StackComponents.KAFKA, Readiness.tcp(StackSettings.HOST, settings.kafkaPort()));
        checks.put(StackComponents.REGISTRY, Readiness.http(settings.registryUrl() + "/system/info"));
        StackComponents components = new StackComponents(settings);
        for (String service : StackComponents.SERVICES) {
            checks.put(service, Readiness.http("http://" + StackSettings.HOST + ":" + components.servicePort(service)
                    + "/q/health/ready"));
        }
        return checks;
    }

    private int port(String component) {
        return switch (component) {
            case StackComponents.KAFKA -> settings.kafkaPort();
            case StackComponents.REGISTRY -> settings.registryPort();
            default -> new StackComponents(settings).servicePort(component);
        };
    }

    private void await(String component, Readiness check, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.isReady()) {
            if (System.nanoTime() > deadline) {
                throw new StackException(component + " was not ready within " + timeout.toSeconds()
                        + " s; see podman pod ps and podman logs");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted");
            }
        }
        out.printf("%-19s ready on %s:%d%n", component, StackSettings.HOST, port(component));
    }

    private static List<String> workloads(String yaml) {
        return objectNames(yaml, "Deployment");
    }

    static List<String> objectNames(String yaml, String kind) {
        List<String> names = new ArrayList<>();
        try (MappingIterator<JsonNode> objects = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
                .readValues(yaml)) {
            while (objects.hasNext()) {
                JsonNode object = objects.next();
                if (object != null && kind.equals(object.path("kind").asText())) {
                    names.add(object.path("metadata").path("name").asText());
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot read the rendered overlay: " + e.getMessage(), e);
        }
        return names;
    }
}
