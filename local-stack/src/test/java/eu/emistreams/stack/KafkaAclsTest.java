package eu.emistreams.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaAclsTest {

    @TempDir
    Path root;

    @Test
    void strimziAclsBecomeKafkaBindingsOnePerOperation() throws IOException {
        write("""
                # a comment
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata:
                  name: emi-query
                spec:
                  authentication:
                    type: scram-sha-512
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: emi.indicators.trade, patternType: literal}
                        operations: [Read, Describe]
                      - resource: {type: topic, name: emi-query, patternType: prefix}
                        operations: [DescribeConfigs]
                      - resource: {type: transactionalId, name: emi-query, patternType: prefix}
                        operations: [Write]
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: not-a-user
                """);
        List<AclBinding> bindings = KafkaAcls.fromManifest(root);
        assertEquals(4, bindings.size(), bindings.toString());
        assertTrue(bindings.stream().allMatch(binding -> binding.entry().principal().equals("User:emi-query")
                && binding.entry().host().equals("*") && binding.entry().permissionType() == AclPermissionType.ALLOW));
        assertEquals(Set.of(AclOperation.READ, AclOperation.DESCRIBE), bindings.stream()
                .filter(binding -> binding.pattern().name().equals("emi.indicators.trade")
                        && binding.pattern().patternType() == PatternType.LITERAL
                        && binding.pattern().resourceType() == ResourceType.TOPIC)
                .map(binding -> binding.entry().operation()).collect(Collectors.toSet()));
        assertTrue(bindings.stream().anyMatch(binding -> binding.pattern().patternType() == PatternType.PREFIXED
                && binding.entry().operation() == AclOperation.DESCRIBE_CONFIGS));
        assertTrue(bindings.stream().anyMatch(binding -> binding.pattern().resourceType() == ResourceType.TRANSACTIONAL_ID
                && binding.entry().operation() == AclOperation.WRITE));
    }

    @Test
    void anUnknownOperationIsRefusedWithTheFileNamed() throws IOException {
        write("""
                kind: KafkaUser
                metadata: {name: emi-ingest}
                spec: {authorization: {acls: [{resource: {type: topic, name: t, patternType: literal}, operations: [Fly]}]}}
                """);
        StackException refused = assertThrows(StackException.class, () -> KafkaAcls.fromManifest(root));
        assertTrue(refused.getMessage().contains(KafkaAcls.MANIFEST) && refused.getMessage().contains("Fly"),
                refused.getMessage());
    }

    @Test
    void theDeploymentsManifestNamesEachServiceUserOfTheLocalStack() {
        Path repository = StackSettings.findRepositoryRoot(Path.of(System.getProperty("user.dir")));
        Set<String> principals = KafkaAcls.fromManifest(repository).stream()
                .map(binding -> binding.entry().principal()).collect(Collectors.toSet());
        assertEquals(KafkaCredentials.SERVICE_USERS.values().stream().map(user -> "User:" + user)
                .collect(Collectors.toSet()), principals);
    }

    private void write(String yaml) throws IOException {
        Path file = root.resolve(KafkaAcls.MANIFEST);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
    }
}
