package eu.emistreams.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.emistreams.stack.StackTopics;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code topics.csv} is the one declaration of the topics the services exchange; every other copy
 * of a topic name must agree with it: the constants of {@link Topics}, the launcher's reading of
 * the file, the services' configuration, and the Kubernetes {@code KafkaTopic} and
 * {@code KafkaUser} manifests. Each test names the copy that disagrees.
 */
class TopicContractTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES =
            List.of("ingest-service", "classifier-service", "indicator-service", "query-service");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private static final Map<String, TopicSpec> DECLARED = Topics.all().stream()
            .collect(Collectors.toMap(TopicSpec::name, spec -> spec));

    @Test
    void theTopicConstantsAreExactlyTheDeclaredTopics() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().endsWith("_KEY")) {
                constants.add((String) field.get(null));
            }
        }
        assertEquals(new TreeSet<>(DECLARED.keySet()), constants, "Topics.java against topics.csv");
    }

    @Test
    void theLauncherReadsTheSameDeclarations() {
        Map<String, StackTopics.Declared> launcher = new HashMap<>();
        StackTopics.declared(ROOT).forEach(topic -> launcher.put(topic.name(), topic));
        assertEquals(DECLARED.keySet(), launcher.keySet());
        DECLARED.values().forEach(spec -> assertEquals(
                new StackTopics.Declared(spec.name(), spec.partitions(), spec.cleanupPolicy()),
                launcher.get(spec.name())));
    }

    @Test
    void everyTopicTheServicesNameIsDeclared() throws IOException {
        int named = 0;
        for (String service : SERVICES) {
            Properties config = serviceConfig(service);
            for (String key : config.stringPropertyNames()) {
                // Lists of topics: a key segment ending in "topics" (not e.g. topics-timeout).
                if (!key.matches("(.*[.-])?topics(\\..*)?")) {
                    continue;
                }
                for (String topic : resolve(config, config.getProperty(key)).split(",")) {
                    assertTrue(DECLARED.containsKey(topic.strip()),
                            service + " application.properties " + key + " names an undeclared topic '" + topic + "'");
                    named++;
                }
            }
        }
        assertTrue(named > 0, "the services' topic lists were found");
    }

    @Test
    void everyKafkaTopicManifestMatchesItsDeclarationAndNoneIsMissing() throws IOException {
        Map<String, JsonNode> manifests = new HashMap<>();
        for (JsonNode topic : manifests("topics.yaml", "KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText();
            assertFalse(manifests.containsKey(name), "topics.yaml declares " + name + " twice");
            manifests.put(name, topic);
        }
        assertEquals(new TreeSet<>(DECLARED.keySet()), new TreeSet<>(manifests.keySet()),
                "deploy/k8s/overlays/production/kafka/topics.yaml against topics.csv (internal Streams topics are never declared)");
        for (TopicSpec spec : DECLARED.values()) {
            JsonNode manifest = manifests.get(spec.name()).path("spec");
            assertEquals(spec.partitions(), manifest.path("partitions").asInt(), spec.name() + " partitions");
            assertEquals(spec.cleanupPolicy(), manifest.path("config").path("cleanup.policy").asText(),
                    spec.name() + " cleanup.policy");
        }
    }

    @Test
    void everyKafkaUserGrantsOnlyDeclaredTopicsAndItsStreamsServiceItsOwnPrefix() throws IOException {
        Map<String, JsonNode> users = new HashMap<>();
        manifests("users.yaml", "KafkaUser").forEach(user -> users.put(user.path("metadata").path("name").asText(), user));
        assertEquals(SERVICES.stream().map(TopicContractTest::kafkaUser).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(users.keySet()), "one KafkaUser per service");
        // The query service may only see (Describe) the internal topics of the groups whose lag it reports.
        Set<String> pipelineGroups = Set.of(serviceConfig("query-service").getProperty("emi.query.pipeline-groups").split(","));

        for (String service : SERVICES) {
            Set<String> readable = new HashSet<>();
            Set<String> prefixes = new HashSet<>();
            for (JsonNode acl : users.get(kafkaUser(service)).path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String name = resource.path("name").asText();
                boolean prefixed = "prefix".equals(resource.path("patternType").asText());
                if ("topic".equals(resource.path("type").asText())) {
                    Set<String> operations = new HashSet<>();
                    acl.path("operations").forEach(operation -> operations.add(operation.asText()));
                    if (prefixed && operations.equals(Set.of("Describe"))) {
                        assertTrue(service.equals("query-service") && pipelineGroups.contains(name),
                                service + " may describe the internal topics of " + name + " but reports no lag of it");
                    } else if (prefixed) {
                        prefixes.add(name);
                    } else {
                        assertTrue(DECLARED.containsKey(name), service + " is granted an undeclared topic " + name);
                        acl.path("operations").forEach(operation -> {
                            if ("Read".equals(operation.asText())) {
                                readable.add(name);
                            }
                        });
                    }
                }
            }
            Properties config = serviceConfig(service);
            String applicationId = config.getProperty("quarkus.kafka-streams.application-id");
            if (applicationId == null) {
                assertTrue(prefixes.isEmpty(), service + " runs no Streams application but is granted " + prefixes);
                continue;
            }
            assertEquals(Set.of(applicationId), prefixes,
                    service + ": internal topics are granted by the prefix of its application.id only");
            for (String input : resolve(config, config.getProperty("quarkus.kafka-streams.topics")).split(",")) {
                assertTrue(readable.contains(input.strip()), service + " reads " + input + " but may not");
            }
        }
    }

    /** The KafkaUser (and SCRAM user name) of a service: emi-classifier for classifier-service. */
    private static String kafkaUser(String service) {
        return "emi-" + service.replace("-service", "");
    }

    private static List<JsonNode> manifests(String file, String kind) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("deploy/k8s/overlays/production/kafka").resolve(file));
                MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(reader)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && kind.equals(document.path("kind").asText())) {
                    found.add(document);
                }
            }
        }
        assertFalse(found.isEmpty(), file + " holds no " + kind);
        return found;
    }

    private static Properties serviceConfig(String service) throws IOException {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            config.load(reader);
        }
        return config;
    }

    /** Replaces {@code ${key}} by the file's own value of key, {@code ${key:default}} by default when absent. */
    private static String resolve(Properties config, String value) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String replacement = config.getProperty(placeholder.group(1), placeholder.group(2));
            if (replacement == null) {
                throw new AssertionError("unresolved placeholder " + placeholder.group() + " in " + value);
            }
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(resolve(config, replacement)));
        }
        placeholder.appendTail(resolved);
        return resolved.toString();
    }
}
