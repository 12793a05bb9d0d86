package eu.emistreams.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.Topic;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rendered overlays agree with the sources of truth: the topic descriptors of
 * {@link EventTopics} for the KafkaTopics, the services' application.properties and code for
 * ports, the environment contract and the KafkaUsers' ACLs. (schemas' TopicContractTest holds the
 * manifest files to the descriptors too.)
 */
class DeploymentConsistencyTest {

    private static final List<String> SERVICES =
            List.of("ingest-service", "classifier-service", "indicator-service", "query-service");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    /** Every environment variable a service container may be given (deploy/k8s/README.md). */
    private static final Set<String> CONTRACT = Set.of("QUARKUS_HTTP_PORT", "QUARKUS_HTTP_HOST", "EMI_HOST",
            "EMI_KAFKA_BOOTSTRAP", "EMI_REGISTRY_URL", "KAFKA_STREAMS_STATE_DIR", "EMI_INGEST_STATE_DIR",
            "JAVA_OPTS",
            "KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "EMI_KAFKA_SECURITY_PROTOCOL", "EMI_KAFKA_SASL_MECHANISM",
            "EMI_KAFKA_SASL_JAAS_CONFIG", "EMI_KAFKA_SSL_TRUSTSTORE_LOCATION", "EMI_KAFKA_SSL_TRUSTSTORE_TYPE",
            "EMI_KAFKA_SSL_TRUSTSTORE_PASSWORD", "EMI_AUTH_TOKEN", "EMI_INGEST_MAX_UPLOAD_SIZE",
            "QUARKUS_OIDC_TENANT_ENABLED", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_TOKEN_AUDIENCE",
            // only as $(POD_NAME) in EMI_HOST
            "POD_NAME");
    private static final Set<String> KAFKA_SECURITY = Set.of("EMI_KAFKA_SECURITY_PROTOCOL", "EMI_KAFKA_SASL_MECHANISM",
            "EMI_KAFKA_SASL_JAAS_CONFIG", "EMI_KAFKA_SSL_TRUSTSTORE_LOCATION", "EMI_KAFKA_SSL_TRUSTSTORE_TYPE",
            "EMI_KAFKA_SSL_TRUSTSTORE_PASSWORD");

    /**
     * Topics a service writes, and reads outside its Streams source list, as its code does
     * (each is checked against the EventTopics descriptors its sources name).
     */
    private static final Map<String, List<String>> WRITES = Map.of(
            "ingest-service", List.of("emi.patstat.applications", "emi.comtrade.flows", "emi.prodcom.observations",
                    "emi.crunchbase.rounds", "emi.rejects", "emi.ingest.reports"),
            "classifier-service", List.of("emi.patents.classified", "emi.trade.classified",
                    "emi.production.classified", "emi.investment.classified", "emi.concordance", "emi.progress"),
            "indicator-service", List.of("emi.indicators.patent", "emi.indicators.trade",
                    "emi.indicators.production", "emi.indicators.investment", "emi.indicators.variants", "emi.progress"),
            "query-service", List.of());
    private static final Map<String, List<String>> EXTRA_READS = Map.of(
            // job/InterruptedRuns reads the reports back at start (no group).
            "ingest-service", List.of("emi.ingest.reports"),
            // concordance/ConcordanceRollout: every task's applied version (no group).
            "classifier-service", List.of("emi.progress"),
            // topology/IngestActivity: a global store of the reports; pacing/UpstreamBacklog: the
            // tasks' input offsets (no group).
            "indicator-service", List.of("emi.ingest.reports", "emi.progress"),
            // status/ProgressReader: the tasks' progress and the concordance in force (no group).
            "query-service", List.of("emi.progress", "emi.concordance"));

    private static Properties config(String service) throws IOException {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Kustomize.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            config.load(reader);
        }
        return config;
    }

    private static String resolve(Properties config, String value) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String replacement = config.getProperty(placeholder.group(1), placeholder.group(2));
            assertNotNull(replacement, "unresolved " + placeholder.group());
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(resolve(config, replacement)));
        }
        placeholder.appendTail(resolved);
        return resolved.toString();
    }

    private static List<String> list(Properties config, String key) {
        String value = config.getProperty(key);
        return value == null ? List.of()
                : Arrays.stream(resolve(config, value).split(",")).map(String::strip).toList();
    }

    private static int port(String service) throws IOException {
        return Integer.parseInt(config(service).getProperty("quarkus.http.port"));
    }

    /** The declared topics by name. */
    private static Map<String, Topic<?, ?>> declaredTopics() {
        Map<String, Topic<?, ?>> topics = new TreeMap<>();
        EventTopics.all().forEach(topic -> topics.put(topic.name(), topic));
        return topics;
    }

    private static JsonNode workload(String overlay, String service) {
        List<JsonNode> objects = Kustomize.overlay(overlay);
        JsonNode found = Stream.of("StatefulSet", "Deployment").map(kind -> Kustomize.byName(objects, kind).get(service))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        assertNotNull(found, overlay + " has no workload " + service);
        return found;
    }

    private static JsonNode container(JsonNode workload) {
        JsonNode containers = workload.path("spec").path("template").path("spec").path("containers");
        assertEquals(1, containers.size(), workload.path("metadata").path("name").asText());
        return containers.get(0);
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new java.util.LinkedHashMap<>();
        container.path("env").forEach(entry -> {
            assertFalse(env.containsKey(entry.path("name").asText()), "twice: " + entry);
            env.put(entry.path("name").asText(), entry);
        });
        return env;
    }

    /** An env entry's value, with configMapKeyRef resolved in the overlay's ConfigMaps. */
    private static String value(String overlay, JsonNode entry) {
        if (entry.has("value")) {
            return entry.path("value").asText();
        }
        JsonNode ref = entry.path("valueFrom").path("configMapKeyRef");
        if (ref.isMissingNode()) {
            return null;
        }
        JsonNode map = Kustomize.byName(Kustomize.overlay(overlay), "ConfigMap").get(ref.path("name").asText());
        assertNotNull(map, overlay + ": no ConfigMap " + ref);
        JsonNode data = map.path("data").path(ref.path("key").asText());
        assertFalse(data.isMissingNode(), overlay + ": ConfigMap " + ref.path("name").asText() + " has no key " + ref);
        return data.asText();
    }

    @Test
    void everyKafkaTopicMatchesTopicsCsvAndNoneIsMissingOrInternal() throws IOException {
        Map<String, Topic<?, ?>> declared = declaredTopics();
        Map<String, JsonNode> topics = new TreeMap<>();
        for (JsonNode topic : Kustomize.byName(Kustomize.overlay("production"), "KafkaTopic").values()) {
            assertNotNull(topics.put(topic.path("spec").path("topicName").asText(), topic) == null ? "" : null,
                    "declared twice: " + topic.path("spec").path("topicName"));
        }
        assertEquals(declared.keySet(), topics.keySet(), "KafkaTopics against EventTopics");
        for (Topic<?, ?> declaredTopic : declared.values()) {
            String name = declaredTopic.name();
            JsonNode topic = topics.get(name);
            assertEquals("emi", topic.path("metadata").path("labels").path("strimzi.io/cluster").asText(), name);
            assertEquals(declaredTopic.partitions(), topic.path("spec").path("partitions").asInt(), name + " partitions");
            assertEquals(declaredTopic.cleanupPolicy().config(), topic.path("spec").path("config").path("cleanup.policy").asText(),
                    name + " cleanup");
            assertEquals(3, topic.path("spec").path("replicas").asInt(), name + " replicas");
            assertEquals(2, topic.path("spec").path("config").path("min.insync.replicas").asInt(), name + " min ISR");
            if (declaredTopic.compacted()) {
                // A descriptor declares no retention: a compacted topic keeps every key's last value.
                assertFalse(topic.path("spec").path("config").has("retention.ms"), name + " retention.ms");
                assertFalse(topic.path("spec").path("config").has("retention.bytes"), name + " retention.bytes");
            }
        }
        for (String service : SERVICES) {
            String applicationId = config(service).getProperty("quarkus.kafka-streams.application-id");
            if (applicationId != null) {
                topics.keySet().forEach(name -> assertFalse(name.startsWith(applicationId + "-"),
                        name + " is a Streams internal topic of " + applicationId));
            }
        }
    }

    @Test
    void theKafkaClusterIsKraftWithThreeReplicasMinIsrTwoScramTlsAndSimpleAuthorization() {
        List<JsonNode> production = Kustomize.overlay("production");
        JsonNode kafka = Kustomize.byName(production, "Kafka").get("emi");
        assertNotNull(kafka);
        JsonNode pools = production.stream().filter(o -> o.path("kind").asText().equals("KafkaNodePool"))
                .collect(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
                        com.fasterxml.jackson.databind.node.ArrayNode::add, com.fasterxml.jackson.databind.node.ArrayNode::addAll);
        int brokers = 0;
        for (JsonNode pool : pools) {
            assertEquals("emi", pool.path("metadata").path("labels").path("strimzi.io/cluster").asText());
            if (pool.path("spec").path("roles").toString().contains("broker")) {
                brokers += pool.path("spec").path("replicas").asInt();
            }
        }
        assertEquals(3, brokers, "brokers");
        assertTrue(kafka.path("spec").path("kafka").path("version").asText().startsWith("4.1."));
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            assertEquals(3, config.path(key).asInt(), key);
        }
        assertEquals(2, config.path("min.insync.replicas").asInt());
        assertEquals(2, config.path("transaction.state.log.min.isr").asInt());
        assertEquals("simple", kafka.path("spec").path("kafka").path("authorization").path("type").asText());
        JsonNode listeners = kafka.path("spec").path("kafka").path("listeners");
        assertEquals(1, listeners.size(), "one listener");
        JsonNode listener = listeners.get(0);
        assertEquals("internal", listener.path("type").asText());
        assertTrue(listener.path("tls").asBoolean());
        assertEquals("scram-sha-512", listener.path("authentication").path("type").asText());
        for (String service : SERVICES) {
            Map<String, JsonNode> env = env(container(workload("production", service)));
            assertEquals("emi-kafka-bootstrap:" + listener.path("port").asInt(), value("production", env.get("EMI_KAFKA_BOOTSTRAP")));
        }
    }

    @Test
    void everyKafkaUserGrantsExactlyWhatItsServiceReadsWritesAndDescribes() throws IOException {
        Map<String, JsonNode> users = Kustomize.byName(Kustomize.overlay("production"), "KafkaUser");
        assertEquals(SERVICES.stream().map(DeploymentConsistencyTest::kafkaUser).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(users.keySet()), "one KafkaUser per service");
        Properties query = config("query-service");
        Map<String, List<String>> groupSources = new HashMap<>();
        for (String group : list(query, "emi.query.pipeline-groups")) {
            groupSources.put(group, list(query, "emi.query.group-source-topics." + group));
        }
        Set<String> declared = declaredTopics().keySet();
        for (String service : SERVICES) {
            Properties config = config(service);
            Set<String> expected = new TreeSet<>();
            Set<String> reads = new LinkedHashSet<>(list(config, "quarkus.kafka-streams.topics"));
            reads.addAll(EXTRA_READS.get(service));
            reads.forEach(topic -> grant(expected, "topic", topic, "literal", "Read", "Describe"));
            WRITES.get(service).forEach(topic -> grant(expected, "topic", topic, "literal", "Write", "Describe"));
            String applicationId = config.getProperty("quarkus.kafka-streams.application-id");
            if (applicationId != null) {
                grant(expected, "topic", applicationId, "prefix", "Create", "Delete", "Describe", "DescribeConfigs", "Read", "Write");
                grant(expected, "group", applicationId, "prefix", "Read", "Describe");
                if ("exactly_once_v2".equals(config.getProperty("kafka-streams.processing.guarantee"))) {
                    grant(expected, "transactionalId", applicationId, "prefix", "Write", "Describe");
                }
            }
            if (service.equals("indicator-service")) {
                // pacing/UpstreamBacklog: the end offsets of the classifier's source topics.
                list(config("classifier-service"), "quarkus.kafka-streams.topics").stream()
                        .filter(topic -> !topic.equals("emi.concordance"))
                        .forEach(topic -> grant(expected, "topic", topic, "literal", "Describe"));
            }
            if (service.equals("query-service")) {
                // status/OffsetsReader: the other pipeline groups, their sources and repartition topics.
                groupSources.forEach((group, sources) -> {
                    if (!group.equals(applicationId)) {
                        grant(expected, "group", group, "literal", "Describe");
                        grant(expected, "topic", group, "prefix", "Describe");
                        sources.forEach(topic -> grant(expected, "topic", topic, "literal", "Describe"));
                    }
                });
            }
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : users.get(kafkaUser(service)).path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String pattern = resource.path("patternType").asText("literal");
                acl.path("operations").forEach(op -> granted.add(resource.path("type").asText() + " "
                        + resource.path("name").asText() + " " + pattern + " " + op.asText()));
                if (resource.path("type").asText().equals("topic") && pattern.equals("literal")) {
                    assertTrue(declared.contains(resource.path("name").asText()), service + ": undeclared " + resource);
                }
            }
            assertEquals(expected, granted, kafkaUser(service) + " ACLs");
            assertEquals("scram-sha-512", users.get(kafkaUser(service)).path("spec").path("authentication").path("type").asText());
        }
    }

    @Test
    void theServicesCodeNamesNoTopicItsUserMayNotSee() throws IOException, IllegalAccessException {
        // The names of the EventTopics constants (and of their aliases in Topics, the same names).
        Map<String, String> constants = new HashMap<>();
        for (Field field : EventTopics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Topic.class) {
                constants.put(field.getName(), ((Topic<?, ?>) field.get(null)).name());
            }
        }
        Map<String, JsonNode> users = Kustomize.byName(Kustomize.overlay("production"), "KafkaUser");
        for (String service : SERVICES) {
            Set<String> named = new TreeSet<>();
            try (Stream<Path> files = Files.walk(Kustomize.ROOT.resolve(service).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher use = Pattern.compile("Topics\\.(\\w+)").matcher(Files.readString(file));
                    while (use.find()) {
                        if (constants.containsKey(use.group(1))) {
                            named.add(constants.get(use.group(1)));
                        }
                    }
                }
            }
            Set<String> visible = new TreeSet<>();
            users.get(kafkaUser(service)).path("spec").path("authorization").path("acls").forEach(acl -> {
                if (acl.path("resource").path("type").asText().equals("topic")) {
                    visible.add(acl.path("resource").path("name").asText());
                }
            });
            Set<String> hidden = new TreeSet<>(named);
            hidden.removeAll(visible);
            assertEquals(Set.of(), hidden, service + " names topics its KafkaUser may not see");
            Set<String> unwritten = new TreeSet<>(WRITES.get(service));
            unwritten.removeAll(named);
            assertEquals(Set.of(), unwritten, service + ": WRITES lists topics its code never names");
        }
    }

    @Test
    void portsProbesAndEnvironmentNamesMatchTheServicesAndTheContract() throws IOException {
        for (String overlay : Kustomize.overlays()) {
            for (String service : SERVICES) {
                Properties config = config(service);
                int port = port(service);
                JsonNode container = container(workload(overlay, service));
                String where = overlay + " " + service;
                assertEquals("emi-streams/" + service + ":0.1.0-SNAPSHOT", container.path("image").asText(), where);
                JsonNode ports = container.path("ports");
                if (overlay.equals("local")) {
                    // podman refuses port mappings in a pod on the host's network: the local overlay has none.
                    assertEquals(0, ports.size(), where + " declares ports");
                } else {
                    assertEquals(1, ports.size(), where);
                    assertEquals(port, ports.get(0).path("containerPort").asInt(), where + " containerPort");
                    assertEquals("http", ports.get(0).path("name").asText(), where);
                }
                assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText(), where);
                assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText(), where);
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    assertEquals(port, container.path(probe).path("httpGet").path("port").asInt(), where + " " + probe);
                }

                Map<String, JsonNode> env = env(container);
                Set<String> unknown = new TreeSet<>(env.keySet());
                unknown.removeAll(CONTRACT);
                assertEquals(Set.of(), unknown, where + ": env names outside the contract");
                assertEquals(Integer.toString(port), value(overlay, env.get("QUARKUS_HTTP_PORT")), where);
                boolean streams = config.getProperty("quarkus.kafka-streams.application-id") != null;
                Set<String> required = new TreeSet<>(Set.of("QUARKUS_HTTP_PORT", "QUARKUS_HTTP_HOST",
                        "EMI_KAFKA_BOOTSTRAP", "EMI_REGISTRY_URL", "JAVA_OPTS"));
                // The placeholders of application.properties that name environment variables.
                Matcher placeholder = PLACEHOLDER.matcher(String.join("\n", config.stringPropertyNames().stream()
                        .map(config::getProperty).toList()));
                while (placeholder.find()) {
                    // The Kafka security variables are required in production only (below).
                    if (placeholder.group(1).matches("[A-Z0-9_]+") && !KAFKA_SECURITY.contains(placeholder.group(1))) {
                        required.add(placeholder.group(1));
                    }
                }
                required.add(streams ? "KAFKA_STREAMS_STATE_DIR" : "EMI_INGEST_STATE_DIR");
                if (overlay.equals("production")) {
                    required.addAll(KAFKA_SECURITY);
                    if (streams) {
                        required.add("KAFKA_STREAMS_NUM_STANDBY_REPLICAS");
                    }
                }
                Set<String> missing = new TreeSet<>(required);
                missing.removeAll(env.keySet());
                assertEquals(Set.of(), missing, where + ": env names missing");
                if (overlay.equals("local")) {
                    Set<String> security = new TreeSet<>(KAFKA_SECURITY);
                    security.retainAll(env.keySet());
                    assertEquals(Set.of(), security, "local runs PLAINTEXT on loopback");
                }
                String stateDir = value(overlay, env.getOrDefault("KAFKA_STREAMS_STATE_DIR", env.get("EMI_INGEST_STATE_DIR")));
                assertTrue(stateDir.startsWith("/var/lib/emi/"), where + " state dir " + stateDir);
                assertTrue(container.path("volumeMounts").toString().contains("\"mountPath\":\"/var/lib/emi\""), where);
                assertTrue(value(overlay, env.get("EMI_REGISTRY_URL")).endsWith("/apis/registry/v3"), where);
            }
        }
    }

    @Test
    void productionRunsStatefulSetsWithStandbysHeadlessServicesBudgetsAndTheirUsersSecrets() throws IOException {
        List<JsonNode> production = Kustomize.overlay("production");
        Map<String, JsonNode> services = Kustomize.byName(production, "Service");
        Map<String, JsonNode> budgets = Kustomize.byName(production, "PodDisruptionBudget");
        for (String service : SERVICES) {
            JsonNode set = Kustomize.byName(production, "StatefulSet").get(service);
            assertNotNull(set, service + " is a StatefulSet");
            boolean streams = config(service).getProperty("quarkus.kafka-streams.application-id") != null;
            assertEquals(streams ? 2 : 1, set.path("spec").path("replicas").asInt(), service + " replicas");
            JsonNode claims = set.path("spec").path("volumeClaimTemplates");
            assertEquals("state", claims.get(0).path("metadata").path("name").asText(), service);
            Map<String, JsonNode> env = env(container(set));
            if (streams) {
                assertEquals("1", value("production", env.get("KAFKA_STREAMS_NUM_STANDBY_REPLICAS")), service);
                assertEquals("$(POD_NAME)." + service + "-headless", value("production", env.get("EMI_HOST")), service);
                assertTrue(new ArrayList<>(env.keySet()).indexOf("POD_NAME") < new ArrayList<>(env.keySet()).indexOf("EMI_HOST"),
                        service + ": POD_NAME must come before EMI_HOST");
            }
            JsonNode headless = services.get(service + "-headless");
            assertNotNull(headless, service + " headless Service");
            assertEquals("None", headless.path("spec").path("clusterIP").asText());
            assertEquals(service + "-headless", set.path("spec").path("serviceName").asText());
            JsonNode clusterIp = services.get(service);
            assertNotNull(clusterIp, service + " ClusterIP Service");
            assertEquals(port(service), clusterIp.path("spec").path("ports").get(0).path("port").asInt(), service);
            assertEquals(service, clusterIp.path("spec").path("selector").path("app.kubernetes.io/name").asText());
            assertNotNull(budgets.get(service), service + " PodDisruptionBudget");
            assertEquals("SASL_SSL", value("production", env.get("EMI_KAFKA_SECURITY_PROTOCOL")));
            assertEquals("SCRAM-SHA-512", value("production", env.get("EMI_KAFKA_SASL_MECHANISM")));
            assertEquals("PKCS12", value("production", env.get("EMI_KAFKA_SSL_TRUSTSTORE_TYPE")));
            JsonNode jaas = env.get("EMI_KAFKA_SASL_JAAS_CONFIG").path("valueFrom").path("secretKeyRef");
            assertEquals(kafkaUser(service), jaas.path("name").asText(), service + ": its KafkaUser's Secret");
            assertEquals("sasl.jaas.config", jaas.path("key").asText());
            JsonNode password = env.get("EMI_KAFKA_SSL_TRUSTSTORE_PASSWORD").path("valueFrom").path("secretKeyRef");
            assertEquals("emi-cluster-ca-cert", password.path("name").asText());
            assertEquals("ca.password", password.path("key").asText());
            String truststore = value("production", env.get("EMI_KAFKA_SSL_TRUSTSTORE_LOCATION"));
            assertTrue(set.path("spec").path("template").toString().contains("\"secretName\":\"emi-cluster-ca-cert\""));
            assertTrue(container(set).path("volumeMounts").toString().contains(
                    "\"mountPath\":\"" + truststore.substring(0, truststore.lastIndexOf('/')) + "\""), service);
        }
    }

    @Test
    void productionWritesTakeOidcTokensWithTheWriterRoleAndNoSharedToken() throws IOException {
        for (String service : SERVICES) {
            Map<String, JsonNode> env = env(container(workload("production", service)));
            String writes = config(service).getProperty("quarkus.http.auth.permission.writes.policy");
            if (writes == null) {
                assertFalse(env.containsKey("QUARKUS_OIDC_TENANT_ENABLED"), service + " has no write endpoint");
                assertFalse(env.containsKey("EMI_AUTH_TOKEN"), service + " has no write endpoint");
                continue;
            }
            assertEquals("emi-writer", writes, service + ": writes need the writer role");
            assertEquals("true", value("production", env.get("QUARKUS_OIDC_TENANT_ENABLED")), service);
            assertTrue(value("production", env.get("QUARKUS_OIDC_AUTH_SERVER_URL")).startsWith("https://"),
                    service + ": the issuer is reached over TLS");
            assertFalse(value("production", env.get("QUARKUS_OIDC_TOKEN_AUDIENCE")).isBlank(), service + ": an audience");
            assertFalse(env.containsKey("EMI_AUTH_TOKEN"), service + ": no shared token in production");
        }
    }

    @Test
    void networkPoliciesDenyByDefaultAndAdmitOnlyTheCallsTheCodeMakes() throws IOException {
        Map<String, JsonNode> policies = Kustomize.byName(Kustomize.overlay("production"), "NetworkPolicy");
        JsonNode deny = policies.get("default-deny-ingress");
        assertNotNull(deny);
        assertEquals("{}", deny.path("spec").path("podSelector").toString());
        assertFalse(deny.path("spec").has("ingress"));
        Map<String, Set<String>> callers = Map.of(
                "query-service", Set.of("query-service", "namespace:ingress-nginx"),
                // the concordance rollout asks the other instances
                "classifier-service", Set.of("classifier-service"));
        for (JsonNode policy : policies.values()) {
            String target = policy.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
            if (!callers.containsKey(target)) {
                continue;
            }
            Set<String> from = new TreeSet<>();
            Set<Integer> ports = new TreeSet<>();
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                rule.path("from").forEach(peer -> from.add(peer.has("namespaceSelector")
                        ? "namespace:" + peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText()
                        : peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText()));
                rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
            }
            assertEquals(callers.get(target), from, target + " callers");
            assertEquals(Set.of(port(target)), ports, target + " ports");
        }
        assertTrue(policies.values().stream().map(p -> p.path("spec").path("podSelector").path("matchLabels")
                .path("app.kubernetes.io/name").asText()).collect(Collectors.toSet()).containsAll(callers.keySet()));
        assertFalse(policies.values().stream().anyMatch(p -> p.path("spec").path("podSelector").path("matchLabels")
                .path("app.kubernetes.io/name").asText().equals("ingest-service")), "nothing calls the ingest");
        assertFalse(policies.values().stream().anyMatch(p -> p.path("spec").path("podSelector").path("matchLabels")
                .path("app.kubernetes.io/name").asText().equals("indicator-service")),
                "nothing calls the indicator service: \"settled\" reads emi.progress");
        JsonNode ingress = Kustomize.byName(Kustomize.overlay("production"), "Ingress").get("query-service");
        assertNotNull(ingress);
        assertEquals("query-service", ingress.path("spec").path("rules").get(0).path("http").path("paths").get(0)
                .path("backend").path("service").path("name").asText());
    }

    @Test
    void everyEmiPodRunsAsUser10001WithoutCapabilitiesOnAReadOnlyRoot() {
        for (String overlay : List.of("production", "local")) {
            for (JsonNode workload : Kustomize.overlay(overlay)) {
                if (!Set.of("Deployment", "StatefulSet").contains(workload.path("kind").asText())) {
                    continue;
                }
                String where = overlay + " " + workload.path("metadata").path("name").asText();
                JsonNode pod = workload.path("spec").path("template").path("spec");
                assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), where);
                assertEquals(10001, pod.path("securityContext").path("runAsUser").asInt(), where);
                assertEquals("RuntimeDefault", pod.path("securityContext").path("seccompProfile").path("type").asText(), where);
                Set<String> volumes = new TreeSet<>();
                pod.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
                workload.path("spec").path("volumeClaimTemplates").forEach(v -> volumes.add(v.path("metadata").path("name").asText()));
                for (JsonNode container : pod.path("containers")) {
                    JsonNode security = container.path("securityContext");
                    assertEquals("[\"ALL\"]", security.path("capabilities").path("drop").toString(), where);
                    assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), where);
                    if (!container.path("name").asText().equals("kafka")) {
                        assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), where + " read-only root");
                    }
                    container.path("volumeMounts").forEach(mount -> assertTrue(volumes.contains(mount.path("name").asText()),
                            where + ": no volume " + mount.path("name").asText()));
                    assertTrue(container.path("resources").path("requests").has("memory"), where);
                    assertTrue(container.path("resources").path("limits").has("memory"), where);
                }
            }
        }
    }

    @Test
    void theLocalOverlayIsWhatPodmanKubePlayRunsOnTheProcessStacksLoopbackPorts() throws IOException {
        List<JsonNode> local = Kustomize.overlay("local");
        Set<String> kinds = local.stream().map(o -> o.path("kind").asText()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("ConfigMap", "Deployment", "PersistentVolumeClaim"), kinds, "kinds podman 4.3 plays");
        Set<String> claims = Kustomize.byName(local, "PersistentVolumeClaim").keySet();
        for (JsonNode deployment : Kustomize.byName(local, "Deployment").values()) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertTrue(pod.path("hostNetwork").asBoolean(), deployment.path("metadata").path("name") + " hostNetwork");
            pod.path("volumes").forEach(v -> {
                if (v.has("persistentVolumeClaim")) {
                    assertTrue(claims.contains(v.path("persistentVolumeClaim").path("claimName").asText()), v.toString());
                }
            });
        }
        for (String service : SERVICES) {
            Map<String, JsonNode> env = env(container(workload("local", service)));
            assertEquals("127.0.0.1", value("local", env.get("QUARKUS_HTTP_HOST")), service);
            assertEquals("127.0.0.1:9092", value("local", env.get("EMI_KAFKA_BOOTSTRAP")), service);
            assertEquals("http://127.0.0.1:8081/apis/registry/v3", value("local", env.get("EMI_REGISTRY_URL")), service);
            if (env.containsKey("EMI_HOST")) {
                assertEquals("127.0.0.1", value("local", env.get("EMI_HOST")), service);
            }
        }
        Map<String, JsonNode> kafka = env(container(workload("local", "kafka")));
        assertEquals("9092", value("local", kafka.get("KAFKA_PORT")));
        assertEquals("9093", value("local", kafka.get("KAFKA_CONTROLLER_PORT")));
        assertEquals("127.0.0.1", value("local", kafka.get("KAFKA_ADVERTISED_HOST")));
        assertEquals("127.0.0.1", value("local", kafka.get("KAFKA_LISTEN_HOST")));
        assertEquals("emi-streams/kafka:4.1.2", container(workload("local", "kafka")).path("image").asText());
        JsonNode registry = container(workload("local", "registry"));
        assertEquals("emi-streams/registry:3.0.9", registry.path("image").asText());
        assertEquals("8081", value("local", env(registry).get("QUARKUS_HTTP_PORT")));
        assertEquals("127.0.0.1", value("local", env(registry).get("QUARKUS_HTTP_HOST")));
    }

    @Test
    void theRegistryEnforcesBackwardCompatibilityAndProductionKeepsItsSchemasInPostgres() {
        for (String overlay : List.of("production", "local")) {
            Map<String, JsonNode> env = env(container(workload(overlay, "registry")));
            assertEquals("BACKWARD", value(overlay, env.get("APICURIO_RULES_GLOBAL_COMPATIBILITY")));
            assertTrue(value(overlay, env.get("JAVA_OPTS")).contains("-Dapicurio.rules.global.compatibility=BACKWARD"));
        }
        Map<String, JsonNode> env = env(container(workload("production", "registry")));
        assertEquals("sql", value("production", env.get("APICURIO_STORAGE_KIND")));
        assertEquals("postgresql", value("production", env.get("APICURIO_STORAGE_SQL_KIND")));
        assertTrue(value("production", env.get("APICURIO_DATASOURCE_URL")).startsWith("jdbc:postgresql://registry-db:5432/"));
        JsonNode database = Kustomize.byName(Kustomize.overlay("production"), "StatefulSet").get("registry-db");
        assertNotNull(database);
        assertEquals("data", database.path("spec").path("volumeClaimTemplates").get(0).path("metadata").path("name").asText());
    }

    @Test
    void everyServicePodRegistersTheSchemasBeforeItStartsAndTheServiceRegistersNone() throws IOException {
        for (String service : SERVICES) {
            // podman 4.3 does not wait for init containers: ./emi kube play runs the step itself (KubePlay).
            assertTrue(workload("local", service).path("spec").path("template").path("spec").path("initContainers")
                    .isMissingNode(), "local " + service);
        }
        for (String overlay : List.of("production")) {
            for (String service : SERVICES) {
                JsonNode pod = workload(overlay, service).path("spec").path("template").path("spec");
                JsonNode init = pod.path("initContainers");
                assertEquals(1, init.size(), overlay + " " + service + " init containers");
                assertEquals(container(workload(overlay, service)).path("image").asText(), init.get(0).path("image").asText(),
                        overlay + " " + service + ": the init container runs the service's own image");
                assertTrue(init.get(0).path("command").toString().contains("eu.emistreams.events.registry.SchemaDeployment"),
                        overlay + " " + service + ": " + init.get(0).path("command"));
                assertEquals(value(overlay, env(container(workload(overlay, service))).get("EMI_REGISTRY_URL")),
                        value(overlay, env(init.get(0)).get("EMI_REGISTRY_URL")), overlay + " " + service + " registry");
                assertEquals("false", config(service).getProperty("emi.registry.auto-register"),
                        service + " registers no schema outside dev and test");
            }
        }
    }

    private static void grant(Set<String> acls, String type, String name, String pattern, String... operations) {
        for (String operation : operations) {
            acls.add(type + " " + name + " " + pattern + " " + operation);
        }
    }

    private static String kafkaUser(String service) {
        return "emi-" + service.replace("-service", "");
    }
}
