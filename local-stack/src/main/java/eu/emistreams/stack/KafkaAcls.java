package eu.emistreams.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of the services' Kafka users, read from the Kubernetes {@code KafkaUser} manifests
 * (deploy/k8s/overlays/production/kafka/users.yaml), so that the local secured stack enforces
 * exactly what a Strimzi deployment does: one source, no copy to drift.
 */
public final class KafkaAcls {

    public static final String MANIFEST = "deploy/k8s/overlays/production/kafka/users.yaml";

    private KafkaAcls() {
    }

    /** Every ACL of every KafkaUser in the manifest, as Kafka bindings (allow, any host). */
    public static List<AclBinding> fromManifest(Path repositoryRoot) {
        Path file = repositoryRoot.resolve(MANIFEST);
        List<AclBinding> bindings = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
            while (documents.hasNext()) {
                JsonNode user = documents.next();
                if (user == null || !"KafkaUser".equals(user.path("kind").asText())) {
                    continue;
                }
                String principal = "User:" + user.path("metadata").path("name").asText();
                for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                    JsonNode resource = acl.path("resource");
                    ResourcePattern pattern = new ResourcePattern(resourceType(resource.path("type").asText()),
                            resource.path("name").asText(), patternType(resource.path("patternType").asText("literal")));
                    for (JsonNode operation : acl.path("operations")) {
                        bindings.add(new AclBinding(pattern, new AccessControlEntry(principal, "*",
                                operation(operation.asText()), AclPermissionType.ALLOW)));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new StackException("cannot read the Kafka users' ACLs from " + file + ": " + e.getMessage(), e);
        }
        return bindings;
    }

    /** Creates the manifest's ACLs (creating one that exists changes nothing); returns how many. */
    public static int apply(Admin admin, Path repositoryRoot) {
        List<AclBinding> bindings = fromManifest(repositoryRoot);
        try {
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating the Kafka ACLs");
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("cannot create the Kafka ACLs of " + MANIFEST + ": " + e.getMessage(), e);
        }
        return bindings.size();
    }

    static ResourceType resourceType(String strimzi) {
        return switch (strimzi) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
            case "cluster" -> ResourceType.CLUSTER;
            default -> throw new IllegalArgumentException("unknown resource type " + strimzi);
        };
    }

    static PatternType patternType(String strimzi) {
        return switch (strimzi) {
            case "literal" -> PatternType.LITERAL;
            case "prefix" -> PatternType.PREFIXED;
            default -> throw new IllegalArgumentException("unknown pattern type " + strimzi);
        };
    }

    /** Strimzi's operation names are Kafka's in camel case: DescribeConfigs is DESCRIBE_CONFIGS. */
    static AclOperation operation(String strimzi) {
        String kafkaName = strimzi.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        AclOperation operation = AclOperation.fromString(kafkaName);
        if (operation == AclOperation.UNKNOWN || operation == AclOperation.ANY) {
            throw new IllegalArgumentException("unknown operation " + strimzi);
        }
        return operation;
    }
}
