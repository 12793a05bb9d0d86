package eu.emistreams.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rendered object is valid for the Kubernetes API and the Strimzi 0.51 CRDs: an unknown or
 * misspelt field anywhere fails, as do a value of the wrong type and a kind nobody serves.
 */
class ManifestSchemaTest {

    @Test
    void everyObjectOfEveryOverlayMatchesItsApiSchema() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String overlay : Kustomize.overlays()) {
            for (JsonNode object : Kustomize.overlay(overlay)) {
                StrictValidator.problems(object).forEach(problem -> problems.add(overlay + ": " + problem));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aMisspeltDeploymentFieldFails() throws IOException {
        List<String> problems = validate("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: misspelt}
                spec:
                  replicsa: 2
                  selector: {matchLabels: {app: misspelt}}
                  template:
                    metadata: {labels: {app: misspelt}}
                    spec:
                      containers: [{name: app, image: app:1}]
                """);
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("replicsa")), problems.toString());
    }

    @Test
    void aMisspeltFieldDeepInAPodTemplateFails() throws IOException {
        List<String> problems = validate("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: deep}
                spec:
                  serviceName: deep
                  selector: {matchLabels: {app: deep}}
                  template:
                    metadata: {labels: {app: deep}}
                    spec:
                      containers:
                        - name: app
                          image: app:1
                          readinessProbe: {httpGet: {path: /q/health/ready, prot: 8080}}
                """);
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("prot")), problems.toString());
    }

    @Test
    void anUnknownFieldInAKafkaTopicSpecFails() throws IOException {
        List<String> problems = validate("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: unknown-field, labels: {strimzi.io/cluster: emi}}
                spec:
                  topicName: emi.unknown
                  partitions: 1
                  replicas: 3
                  retentionDays: 7
                """);
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("retentionDays")), problems.toString());
    }

    @Test
    void anUnknownAclOperationAndAStringForANumberFail() throws IOException {
        assertFalse(validate("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: bad-acl, labels: {strimzi.io/cluster: emi}}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: emi.rejects, patternType: literal}
                        operations: [Raed]
                """).isEmpty(), "an operation Kafka does not know");
        assertFalse(validate("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: string-partitions}
                spec: {partitions: "four", replicas: 3}
                """).isEmpty(), "partitions as a string");
    }

    @Test
    void aKindOrApiVersionWithoutASchemaFails() throws IOException {
        assertFalse(validate("""
                apiVersion: kafka.strimzi.io/v1beta1
                kind: KafkaTopic
                metadata: {name: old}
                spec: {partitions: 1}
                """).isEmpty());
        assertFalse(validate("""
                apiVersion: example.org/v1
                kind: Widget
                metadata: {name: widget}
                """).isEmpty());
    }

    @Test
    void theRenderedManifestsHoldNoDeprecatedStrimziFieldThatV1Dropped() throws IOException {
        // kafka.strimzi.io/v1 removed the single ACL "operation" and the Kafka-level replicas/storage.
        for (JsonNode user : Kustomize.byName(Kustomize.overlay("production"), "KafkaUser").values()) {
            user.path("spec").path("authorization").path("acls").forEach(acl ->
                    assertFalse(acl.has("operation"), user.path("metadata").path("name").asText()));
        }
        for (JsonNode kafka : Kustomize.byName(Kustomize.overlay("production"), "Kafka").values()) {
            assertFalse(kafka.path("spec").path("kafka").has("replicas"));
            assertFalse(kafka.path("spec").path("kafka").has("storage"));
            assertFalse(kafka.path("spec").has("zookeeper"));
        }
    }

    private static List<String> validate(String yaml) throws IOException {
        List<JsonNode> objects = Kustomize.parse(yaml);
        assertEquals(1, objects.size());
        return StrictValidator.problems(objects.get(0));
    }
}
