package eu.emistreams.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack lives and which ports it binds, read from the environment so that two
 * stacks (say a developer's and a test run's) can coexist. Every server binds to 127.0.0.1.
 */
public record StackSettings(
        Path repositoryRoot,
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int registryPort,
        int queryPort,
        int ingestPort,
        int classifierPort,
        int indicatorPort) {

    public static final String HOST = "127.0.0.1";

    /** Environment variables and their defaults, as documented in the README. */
    public static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            "EMI_KAFKA_PORT", 9092,
            "EMI_KAFKA_CONTROLLER_PORT", 9093,
            "EMI_REGISTRY_PORT", 8081,
            "EMI_QUERY_PORT", 8080,
            "EMI_INGEST_PORT", 8082,
            "EMI_CLASSIFIER_PORT", 8083,
            "EMI_INDICATOR_PORT", 8084);

    public static StackSettings fromEnvironment(Map<String, String> env) {
        Path root = findRepositoryRoot(Path.of(env.getOrDefault("EMI_ROOT", System.getProperty("user.dir"))));
        Path data = env.containsKey("EMI_DATA_DIR")
                ? Path.of(env.get("EMI_DATA_DIR")).toAbsolutePath()
                : root.resolve(".emi");
        return new StackSettings(root, data,
                port(env, "EMI_KAFKA_PORT"),
                port(env, "EMI_KAFKA_CONTROLLER_PORT"),
                port(env, "EMI_REGISTRY_PORT"),
                port(env, "EMI_QUERY_PORT"),
                port(env, "EMI_INGEST_PORT"),
                port(env, "EMI_CLASSIFIER_PORT"),
                port(env, "EMI_INDICATOR_PORT"));
    }

    private static int port(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return DEFAULT_PORTS.get(name);
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(name + "=" + value + " is not a TCP port number");
        }
    }

    /** The checkout root: the first directory upwards that holds the stack-runtime module. */
    public static Path findRepositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("stack-runtime/pom.xml"))) {
                return dir;
            }
        }
        throw new StackException("cannot find the EMI Streams checkout above " + start
                + " (set EMI_ROOT to the repository root)");
    }

    public String bootstrapServers() {
        return HOST + ":" + kafkaPort;
    }

    public String registryUrl() {
        return "http://" + HOST + ":" + registryPort + "/apis/registry/v3";
    }

    public String queryUrl() {
        return "http://" + HOST + ":" + queryPort;
    }

    public String ingestUrl() {
        return "http://" + HOST + ":" + ingestPort;
    }

    public String classifierUrl() {
        return "http://" + HOST + ":" + classifierPort;
    }

    public String indicatorUrl() {
        return "http://" + HOST + ":" + indicatorPort;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path runDir() {
        return dataDir.resolve("run");
    }
}
