package eu.emistreams.stack.test;

import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.container.StackImages;
import eu.emistreams.stack.process.Readiness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * The broker and the registry as Testcontainers containers of the images {@code ./emi images}
 * builds. They share the host's network and bind the test stack's free loopback ports, so every
 * address is the same as on the process path. Ryuk (Testcontainers' reaper) needs an image of its
 * own that cannot be pulled here: it is disabled and {@link #stop()} removes the containers.
 */
final class StackTestContainers {

    /** On every container: the pid of the test JVM that started it. */
    private static final String LABEL = "eu.emistreams.test-stack";

    private final GenericContainer<?> kafka;
    private final GenericContainer<?> registry;

    private StackTestContainers(GenericContainer<?> kafka, GenericContainer<?> registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Why the container path cannot run here, or empty when an engine answers and the images exist. */
    static Optional<String> unavailableReason() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if ((dockerHost == null || dockerHost.isBlank()) && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                && !java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"))) {
            // Spares Testcontainers' probing (and its error log) where nothing could answer.
            return Optional.of("no Docker-compatible engine: DOCKER_HOST is unset and /var/run/docker.sock is absent");
        }
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.of("no Docker-compatible engine answers (DOCKER_HOST="
                        + System.getenv().getOrDefault("DOCKER_HOST", "unset") + ")");
            }
            for (String image : List.of(StackImages.kafkaImage(), StackImages.registryImage())) {
                try {
                    DockerClientFactory.instance().client().inspectImageCmd(image).exec();
                } catch (RuntimeException e) {
                    return Optional.of("the image " + image + " is missing (./emi images builds it)");
                }
            }
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("Testcontainers cannot reach an engine: " + e.getMessage());
        }
    }

    static String engineDescription() {
        return DockerClientFactory.instance().getTransportConfig().getDockerHost().toString();
    }

    /**
     * Removes the containers of test JVMs that are gone (killed before their shutdown hook ran):
     * without Ryuk nothing else would, and each holds a broker's or a registry's memory.
     */
    private static void removeOrphans() {
        var client = DockerClientFactory.instance().client();
        for (var container : client.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(LABEL)).exec()) {
            String owner = container.getLabels().get(LABEL);
            boolean alive = owner != null && owner.matches("\\d+")
                    && ProcessHandle.of(Long.parseLong(owner)).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                client.removeContainerCmd(container.getId()).withForce(true).exec();
                System.out.println("[emi-test-stack] removed the container " + container.getNames()[0]
                        + " of a test JVM that is gone (pid " + owner + ")");
            }
        }
    }

    static StackTestContainers start(StackSettings settings) {
        removeOrphans();
        GenericContainer<?> kafka = container(StackImages.kafkaImage(), Map.of(
                "KAFKA_LISTEN_HOST", StackSettings.HOST,
                "KAFKA_ADVERTISED_HOST", StackSettings.HOST,
                "KAFKA_PORT", Integer.toString(settings.kafkaPort()),
                "KAFKA_CONTROLLER_PORT", Integer.toString(settings.kafkaControllerPort())),
                Readiness.tcp(StackSettings.HOST, settings.kafkaPort()));
        GenericContainer<?> registry = container(StackImages.registryImage(), Map.of(
                "QUARKUS_HTTP_HOST", StackSettings.HOST,
                "QUARKUS_HTTP_PORT", Integer.toString(settings.registryPort()),
                // The management interface (port 9000 by default) is not used; two test stacks must not collide on it.
                "QUARKUS_MANAGEMENT_ENABLED", "false"),
                Readiness.http(settings.registryUrl() + "/system/info"));
        StackTestContainers containers = new StackTestContainers(kafka, registry);
        try {
            kafka.start();
            registry.start();
        } catch (RuntimeException e) {
            containers.stop();
            throw e;
        }
        return containers;
    }

    private static GenericContainer<?> container(String image, Map<String, String> environment, Readiness readiness) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image));
        container.withNetworkMode("host")
                .withEnv(environment)
                .withLabel(LABEL, Long.toString(ProcessHandle.current().pid()))
                .waitingFor(new ReadinessWait(readiness).withStartupTimeout(Duration.ofMinutes(3)));
        return container;
    }

    String kafkaContainerId() {
        return kafka.getContainerId();
    }

    void stop() {
        registry.stop();
        kafka.stop();
    }

    /** Waits for the stack's own readiness check: with host networking there are no mapped ports to probe. */
    private static final class ReadinessWait extends AbstractWaitStrategy {
        private final Readiness readiness;

        ReadinessWait(Readiness readiness) {
            this.readiness = readiness;
        }

        @Override
        protected void waitUntilReady() {
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            while (!readiness.isReady()) {
                if (!waitStrategyTarget.isRunning()) {
                    throw new IllegalStateException("the container stopped while starting: "
                            + waitStrategyTarget.getLogs());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not ready within " + startupTimeout.toSeconds() + " s");
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
        }
    }
}
