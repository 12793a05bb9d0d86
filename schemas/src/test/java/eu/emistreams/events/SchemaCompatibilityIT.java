package eu.emistreams.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.emistreams.stack.test.TestStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every schema of the project is registered in the real Apicurio Registry under the BACKWARD rule,
 * on top of its released version: a change that breaks consumers fails here.
 */
class SchemaCompatibilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String registry;

    @BeforeAll
    static void startRegistry() {
        registry = TestStack.shared().registryUrl();
    }

    @Test
    void everyCurrentSchemaIsBackwardCompatibleWithItsReleasedVersion() throws Exception {
        List<Path> current = avscFiles(Path.of("src/main/avro"));
        assertFalse(current.isEmpty());
        for (Path file : current) {
            Schema schema = new Schema.Parser().parse(file.toFile());
            String artifactId = "compat-" + schema.getFullName();
            Path released = Path.of("src/test/resources/schema-baseline", file.getFileName().toString());
            if (Files.exists(released)) {
                assertCreated(createArtifact(artifactId, Files.readString(released)), "registering", released.toString());
            } else {
                // A new schema: registering it is its own baseline.
                assertCreated(createArtifact(artifactId, Files.readString(file)));
            }
            assertEquals(204, setBackwardRule(artifactId).statusCode());
            HttpResponse<String> added = addVersion(artifactId, Files.readString(file));
            assertTrue(added.statusCode() == 200 || added.statusCode() == 201,
                    file + " is not BACKWARD compatible with its released version: " + added.body());
        }
    }

    @Test
    void aBreakingChangeIsRefusedByTheRule() throws Exception {
        String released = Files.readString(Path.of("src/main/avro/eu/emistreams/events/indicator/IndicatorValue.avsc"));
        ObjectNode broken = (ObjectNode) JSON.readTree(released);
        // A new field without a default cannot be read from old data: BACKWARD forbids it.
        ((com.fasterxml.jackson.databind.node.ArrayNode) broken.get("fields"))
                .addObject().put("name", "unit").put("type", "string");
        String artifactId = "compat-broken-indicator-value";
        assertCreated(createArtifact(artifactId, released));
        assertEquals(204, setBackwardRule(artifactId).statusCode());
        HttpResponse<String> refused = addVersion(artifactId, broken.toString());
        assertEquals(409, refused.statusCode(), refused.body());
    }

    private static void assertCreated(HttpResponse<String> response, String... what) {
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201,
                String.join(" ", what) + " -> " + response.statusCode() + " " + response.body());
    }

    private static List<Path> avscFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return new ArrayList<>(files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList());
        }
    }

    private static HttpResponse<String> createArtifact(String artifactId, String schema) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("artifactId", artifactId).put("artifactType", "AVRO");
        body.putObject("firstVersion").putObject("content").put("content", schema)
                .put("contentType", "application/json");
        return post("/groups/default/artifacts", body);
    }

    private static HttpResponse<String> setBackwardRule(String artifactId) throws Exception {
        ObjectNode rule = JSON.createObjectNode().put("ruleType", "COMPATIBILITY").put("config", "BACKWARD");
        return post("/groups/default/artifacts/" + artifactId + "/rules", rule);
    }

    private static HttpResponse<String> addVersion(String artifactId, String schema) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("content").put("content", schema).put("contentType", "application/json");
        return post("/groups/default/artifacts/" + artifactId + "/versions", body);
    }

    private static HttpResponse<String> post(String path, ObjectNode body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(registry + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
