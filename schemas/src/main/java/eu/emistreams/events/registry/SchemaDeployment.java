package eu.emistreams.events.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventSchemas;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The deploy step that registers the schemas, so that the services need not (they run with
 * {@code emi.registry.auto-register=false} outside dev and test). For each schema of
 * {@link EventSchemas}: its artifact (group the namespace, id the record name, as the serdes'
 * RecordIdStrategy looks it up) with the BACKWARD compatibility rule, and a version whose content
 * is exactly what a serializer of the record sends; an identical version is found rather than
 * added again. A change that would break the readers of earlier versions is refused by the
 * registry (409), and the step fails naming the schema: nothing incompatible reaches the topics.
 *
 * <p>{@code java -cp <schemas jar and its dependencies> eu.emistreams.events.registry.SchemaDeployment REGISTRY_URL}
 * (the launcher runs it before the services start; on Kubernetes an init container of each
 * service). Exit status 0 when every schema is in place, 1 otherwise.
 */
public final class SchemaDeployment {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** A pod may start beside the registry (podman kube play starts them together): it is waited for. */
    private static final Duration REGISTRY_START = Duration.ofMinutes(3);

    private final String registryUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public SchemaDeployment(String registryUrl) {
        this.registryUrl = AvroSerdes.checkedRegistryUrl(registryUrl);
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SchemaDeployment REGISTRY_URL (…/apis/registry/v3)");
            System.exit(2);
        }
        try {
            new SchemaDeployment(args[0]).deploy(EventSchemas.ALL).forEach(System.out::println);
        } catch (SchemaDeploymentException | IllegalArgumentException e) {
            System.err.println("schema deployment: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Registers {@code schemas}; returns one line per schema saying what was done. */
    public List<String> deploy(List<Schema> schemas) {
        awaitRegistry(REGISTRY_START);
        List<String> done = new ArrayList<>();
        for (Schema schema : schemas) {
            done.add(deploy(schema));
        }
        return done;
    }

    private String deploy(Schema schema) {
        String group = schema.getNamespace() == null ? "default" : schema.getNamespace();
        String artifact = schema.getName();
        String path = "/groups/" + encode(group) + "/artifacts";
        String name = group + "/" + artifact;
        String rules = path + "/" + encode(artifact) + "/rules";
        boolean exists = send("GET", path + "/" + encode(artifact), null, name).statusCode() == 200;
        ObjectNode create = JSON.createObjectNode().put("artifactId", artifact).put("artifactType", "AVRO");
        create.putObject("firstVersion").putObject("content").put("content", schema.toString())
                .put("contentType", "application/json");
        if (!exists) {
            HttpResponse<String> created = send("POST", path, create, name);
            expect(created, name, "creating the artifact", 200);
            addBackwardRule(rules, name);
            return name + ": registered, version " + version(created);
        }
        addBackwardRule(rules, name);
        // The rule applies to the new version: a schema its readers cannot follow is refused (409).
        HttpResponse<String> found = send("POST", path + "?ifExists=FIND_OR_CREATE_VERSION", create, name);
        if (found.statusCode() == 409) {
            throw new SchemaDeploymentException(name + " is not BACKWARD compatible with its registered versions: "
                    + found.body());
        }
        expect(found, name, "registering the version", 200);
        return name + ": version " + version(found) + " in place";
    }

    private void awaitRegistry(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                HttpResponse<String> info = http.send(HttpRequest.newBuilder(URI.create(registryUrl + "/system/info"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (info.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaDeploymentException("interrupted while waiting for the registry", e);
            }
            if (System.nanoTime() > deadline) {
                throw new SchemaDeploymentException("the registry at " + registryUrl + " did not answer within " + patience);
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaDeploymentException("interrupted while waiting for the registry", e);
            }
        }
    }

    private void addBackwardRule(String rulesPath, String name) {
        ObjectNode rule = JSON.createObjectNode().put("ruleType", "COMPATIBILITY").put("config", "BACKWARD");
        HttpResponse<String> answer = send("POST", rulesPath, rule, name);
        // 409: the artifact has its compatibility rule already.
        if (answer.statusCode() != 204 && answer.statusCode() != 200 && answer.statusCode() != 409) {
            expect(answer, name, "adding the BACKWARD rule", 204);
        }
    }

    private static String version(HttpResponse<String> answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            JsonNode version = body.has("version") ? body.path("version") : body;
            return version.path("version").asText("?") + " (global id " + version.path("globalId").asText("?") + ")";
        } catch (IOException e) {
            return "?";
        }
    }

    private static void expect(HttpResponse<String> answer, String name, String what, int status) {
        if (answer.statusCode() != status) {
            throw new SchemaDeploymentException(name + ": " + what + " answered " + answer.statusCode() + " "
                    + answer.body());
        }
    }

    private HttpResponse<String> send(String method, String path, JsonNode body, String name) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registryUrl + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaDeploymentException(name + ": the registry at " + registryUrl + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaDeploymentException(name + ": interrupted", e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Why the deployment stopped: the schema, and the registry's answer. */
    public static final class SchemaDeploymentException extends RuntimeException {
        SchemaDeploymentException(String message) {
            super(message);
        }

        SchemaDeploymentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
