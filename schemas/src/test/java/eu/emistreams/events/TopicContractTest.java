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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EventTopics} is the one declaration of the topics the services exchange; every copy of a
 * topic name or property must agree with it: {@code schemas/topics.csv} (its rendering, which the
 * launcher reads), the names of {@link Topics}, the services' configuration, and the Kubernetes
 * {@code KafkaTopic} and {@code KafkaUser} manifests. Each check returns the disagreements it
 * finds, naming the file and the topic, so that one failure lists them all; the last tests feed
 * the checks modified copies to prove they notice.
 */
class TopicContractTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path KAFKA_MANIFESTS = ROOT.resolve("deploy/k8s/overlays/production/kafka");
    private static final List<String> SERVICES =
            List.of("ingest-service", "classifier-service", "indicator-service", "query-service");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private static final Map<String, Topic<?, ?>> DECLARED = EventTopics.all().stream()
            .collect(Collectors.toMap(Topic::name, topic -> topic, (a, b) -> a, LinkedHashMap::new));

    @Test
    void topicsCsvIsTheRenderingOfTheDescriptors() throws IOException {
        assertEquals(List.of(), csvDisagreements(Files.readString(ROOT.resolve(TopicsCsv.PATH), StandardCharsets.UTF_8)));
    }

    @Test
    void theLauncherReadsTheDescriptorsTopics() {
        List<StackTopics.Declared> expected = DECLARED.values().stream()
                .map(topic -> new StackTopics.Declared(topic.name(), topic.partitions(), topic.cleanupPolicy().config()))
                .toList();
        assertEquals(expected, StackTopics.declared(ROOT), StackTopics.declarationFile(ROOT) + " as the launcher reads it");
    }

    @Test
    void everyDescriptorIsDeclaredOnce() throws IllegalAccessException {
        List<String> descriptors = new ArrayList<>();
        for (Field field : EventTopics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Topic.class) {
                descriptors.add(((Topic<?, ?>) field.get(null)).name());
            }
        }
        assertEquals(new TreeSet<>(DECLARED.keySet()), new TreeSet<>(descriptors), "EventTopics.all() against its constants");
        assertEquals(descriptors.size(), new TreeSet<>(descriptors).size(), "a name declared twice: " + descriptors);
    }

    @Test
    void everyTopicTheServicesNameIsDeclared() throws IOException {
        List<String> disagreements = new ArrayList<>();
        for (String service : SERVICES) {
            disagreements.addAll(configDisagreements(service, serviceConfig(service)));
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    void theKafkaTopicManifestsAreTheDescriptors() throws IOException {
        assertEquals(List.of(), kafkaTopicDisagreements(KAFKA_MANIFESTS.resolve("topics.yaml")));
    }

    @Test
    void everyKafkaUserGrantsOnlyDeclaredTopicsAndItsStreamsServiceItsOwnPrefix() throws IOException {
        Map<String, Properties> configs = new HashMap<>();
        for (String service : SERVICES) {
            configs.put(service, serviceConfig(service));
        }
        assertEquals(List.of(), kafkaUserDisagreements(KAFKA_MANIFESTS.resolve("users.yaml"), configs));
    }

    @Test
    void aCsvEditedByHandOrStaleIsNamed() {
        String rendered = TopicsCsv.render(EventTopics.all());
        List<String> disagreements = csvDisagreements(rendered.replace("emi.rejects,1,delete", "emi.rejects,3,delete"));
        assertEquals(1, disagreements.size(), disagreements.toString());
        assertTrue(disagreements.get(0).contains("emi.rejects,3,delete") && disagreements.get(0).contains(TopicsCsv.REGENERATE),
                disagreements.get(0));
    }

    @Test
    void aKafkaTopicManifestThatDisagreesIsNamed(@TempDir Path copy) throws IOException {
        String topics = Files.readString(KAFKA_MANIFESTS.resolve("topics.yaml"));
        // emi.rejects is the one delete topic; emi.progress goes missing.
        String modified = topics.replace("cleanup.policy: delete", "cleanup.policy: compact")
                .replace("topicName: emi.progress", "topicName: emi.progres");
        assertFalse(modified.equals(topics), "the copy was modified");
        Files.writeString(copy.resolve("topics.yaml"), modified);

        List<String> disagreements = kafkaTopicDisagreements(copy.resolve("topics.yaml"));
        assertTrue(disagreements.contains("topics.yaml: emi.rejects has cleanup.policy compact, declared delete"), disagreements.toString());
        assertTrue(disagreements.contains("topics.yaml: no KafkaTopic for emi.progress"), disagreements.toString());
        assertTrue(disagreements.contains("topics.yaml: KafkaTopic emi.progres is not declared in EventTopics"), disagreements.toString());
    }

    @Test
    void aServiceOrAUserNamingAnUndeclaredTopicIsNamed(@TempDir Path copy) throws IOException {
        Properties config = serviceConfig("indicator-service");
        config.setProperty("quarkus.kafka-streams.topics", "emi.patents.classified,emi.patents.clasified");
        assertEquals(List.of("indicator-service application.properties quarkus.kafka-streams.topics names the undeclared topic emi.patents.clasified"),
                configDisagreements("indicator-service", config));

        String users = Files.readString(KAFKA_MANIFESTS.resolve("users.yaml"));
        Files.writeString(copy.resolve("users.yaml"), users.replace("name: emi.concordance,", "name: emi.concordances,"));
        Map<String, Properties> configs = new HashMap<>();
        for (String service : SERVICES) {
            configs.put(service, serviceConfig(service));
        }
        List<String> disagreements = kafkaUserDisagreements(copy.resolve("users.yaml"), configs);
        assertTrue(disagreements.contains("users.yaml: emi-classifier is granted the undeclared topic emi.concordances"),
                disagreements.toString());
    }

    /** The file is the rendering of the descriptors, or the one disagreement says how to regenerate it. */
    private static List<String> csvDisagreements(String csv) {
        String rendered = TopicsCsv.render(EventTopics.all());
        if (rendered.equals(csv)) {
            return List.of();
        }
        return List.of(TopicsCsv.PATH + " is not the rendering of EventTopics (it is generated, never edited): "
                + "regenerate it from the repository root with\n  " + TopicsCsv.REGENERATE
                + "\n--- expected ---\n" + rendered + "--- found ---\n" + csv);
    }

    private static List<String> configDisagreements(String service, Properties config) {
        List<String> disagreements = new ArrayList<>();
        int named = 0;
        for (String key : new TreeSet<>(config.stringPropertyNames())) {
            // Lists of topics: a key segment ending in "topics" (not e.g. topics-timeout).
            if (!key.matches("(.*[.-])?topics(\\..*)?")) {
                continue;
            }
            for (String topic : resolve(config, config.getProperty(key)).split(",")) {
                named++;
                if (!DECLARED.containsKey(topic.strip())) {
                    disagreements.add(service + " application.properties " + key + " names the undeclared topic " + topic.strip());
                }
            }
        }
        if (named == 0 && !service.equals("ingest-service")) {
            disagreements.add(service + " application.properties: no list of topics found (has the key changed?)");
        }
        return disagreements;
    }

    private static List<String> kafkaTopicDisagreements(Path topicsYaml) throws IOException {
        List<String> disagreements = new ArrayList<>();
        String file = topicsYaml.getFileName().toString();
        Map<String, JsonNode> manifests = new LinkedHashMap<>();
        for (JsonNode topic : manifests(topicsYaml, "KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText();
            if (manifests.put(name, topic) != null) {
                disagreements.add(file + ": " + name + " has two KafkaTopics");
            }
        }
        for (Topic<?, ?> topic : DECLARED.values()) {
            JsonNode manifest = manifests.get(topic.name());
            if (manifest == null) {
                disagreements.add(file + ": no KafkaTopic for " + topic.name());
                continue;
            }
            JsonNode spec = manifest.path("spec");
            if (spec.path("partitions").asInt() != topic.partitions()) {
                disagreements.add(file + ": " + topic.name() + " has " + spec.path("partitions").asInt()
                        + " partitions, declared " + topic.partitions());
            }
            String cleanupPolicy = spec.path("config").path("cleanup.policy").asText();
            if (!cleanupPolicy.equals(topic.cleanupPolicy().config())) {
                disagreements.add(file + ": " + topic.name() + " has cleanup.policy " + cleanupPolicy
                        + ", declared " + topic.cleanupPolicy().config());
            }
            String description = manifest.path("metadata").path("annotations").path("emi-streams.eu/description").asText();
            if (!description.equals(topic.description())) {
                disagreements.add(file + ": " + topic.name() + " is described '" + description
                        + "', declared '" + topic.description() + "'");
            }
        }
        // Internal Streams topics are never declared, so never deployed by hand either.
        manifests.keySet().stream().filter(name -> !DECLARED.containsKey(name))
                .forEach(name -> disagreements.add(file + ": KafkaTopic " + name + " is not declared in EventTopics"));
        return disagreements;
    }

    private static List<String> kafkaUserDisagreements(Path usersYaml, Map<String, Properties> configs) throws IOException {
        List<String> disagreements = new ArrayList<>();
        String file = usersYaml.getFileName().toString();
        Map<String, JsonNode> users = new HashMap<>();
        manifests(usersYaml, "KafkaUser").forEach(user -> users.put(user.path("metadata").path("name").asText(), user));
        Set<String> expectedUsers = SERVICES.stream().map(TopicContractTest::kafkaUser).collect(Collectors.toCollection(TreeSet::new));
        if (!expectedUsers.equals(new TreeSet<>(users.keySet()))) {
            disagreements.add(file + ": the KafkaUsers are " + new TreeSet<>(users.keySet()) + ", one per service is " + expectedUsers);
        }
        // The query service may only see (Describe) the internal topics of the groups whose lag it reports.
        Set<String> pipelineGroups = Set.of(configs.get("query-service").getProperty("emi.query.pipeline-groups").split(","));

        for (String service : SERVICES) {
            JsonNode user = users.get(kafkaUser(service));
            if (user == null) {
                continue;
            }
            Set<String> readable = new HashSet<>();
            Set<String> prefixes = new HashSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                if (!"topic".equals(resource.path("type").asText())) {
                    continue;
                }
                String name = resource.path("name").asText();
                Set<String> operations = new HashSet<>();
                acl.path("operations").forEach(operation -> operations.add(operation.asText()));
                if (!"prefix".equals(resource.path("patternType").asText())) {
                    if (!DECLARED.containsKey(name)) {
                        disagreements.add(file + ": " + kafkaUser(service) + " is granted the undeclared topic " + name);
                    }
                    if (operations.contains("Read")) {
                        readable.add(name);
                    }
                } else if (operations.equals(Set.of("Describe"))) {
                    if (!service.equals("query-service") || !pipelineGroups.contains(name)) {
                        disagreements.add(file + ": " + service + " may describe the internal topics of " + name
                                + " but reports no lag of it");
                    }
                } else {
                    prefixes.add(name);
                }
            }
            Properties config = configs.get(service);
            String applicationId = config.getProperty("quarkus.kafka-streams.application-id");
            if (applicationId == null) {
                if (!prefixes.isEmpty()) {
                    disagreements.add(file + ": " + service + " runs no Streams application but is granted " + prefixes);
                }
                continue;
            }
            if (!Set.of(applicationId).equals(prefixes)) {
                disagreements.add(file + ": " + service + " is granted the prefixes " + prefixes
                        + "; internal topics are granted by the prefix of its application.id " + applicationId + " only");
            }
            for (String input : resolve(config, config.getProperty("quarkus.kafka-streams.topics")).split(",")) {
                if (!readable.contains(input.strip())) {
                    disagreements.add(file + ": " + service + " reads " + input.strip() + " but may not");
                }
            }
        }
        return disagreements;
    }

    /** The KafkaUser (and SCRAM user name) of a service: emi-classifier for classifier-service. */
    private static String kafkaUser(String service) {
        return "emi-" + service.replace("-service", "");
    }

    private static List<JsonNode> manifests(Path file, String kind) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Reader reader = Files.newBufferedReader(file);
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
