package eu.emistreams.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders the kustomizations under {@code deploy/k8s} with {@code kubectl kustomize}, once per
 * directory and test JVM. {@code KUBECTL} names another kubectl binary.
 */
final class Kustomize {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<Path, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The overlays: every directory under deploy/k8s/overlays. */
    static List<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        }
    }

    static List<JsonNode> overlay(String name) {
        return render(K8S.resolve("overlays").resolve(name));
    }

    /** The objects {@code kubectl kustomize dir} prints; fails with kubectl's own message. */
    static List<JsonNode> render(Path dir) {
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }

    private static List<JsonNode> run(Path dir) {
        String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                        .redirectError(err.toFile()).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(kubectl + " kustomize " + ROOT.relativize(dir) + " did not finish in 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(kubectl + " kustomize " + ROOT.relativize(dir) + " failed (exit "
                            + process.exitValue() + "):\n" + Files.readString(err));
                }
                List<JsonNode> objects = parse(out);
                if (objects.isEmpty()) {
                    throw new AssertionError(kubectl + " kustomize " + ROOT.relativize(dir) + " rendered nothing");
                }
                return List.copyOf(objects);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + kubectl + " (set KUBECTL to its path): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + dir, e);
        }
    }

    /** The objects of one kind, by name. */
    static Map<String, JsonNode> byName(List<JsonNode> objects, String kind) {
        Map<String, JsonNode> found = new java.util.TreeMap<>();
        objects.stream().filter(o -> kind.equals(o.path("kind").asText()))
                .forEach(o -> found.put(o.path("metadata").path("name").asText(), o));
        return found;
    }
}
