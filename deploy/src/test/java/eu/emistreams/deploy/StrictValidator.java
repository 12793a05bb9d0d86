package eu.emistreams.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Kubernetes object against the API it names: the typed models of the Kubernetes API
 * (fabric8 kubernetes-model, generated from the Kubernetes OpenAPI schema) and of the Strimzi CRDs
 * (io.strimzi:api of the targeted release, from which Strimzi generates its CRD schemas). Every
 * model class keeps the fields it does not know in {@code additionalProperties}; an object is valid
 * when it deserializes without coercion and no model object anywhere in it kept an unknown field.
 */
final class StrictValidator {

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    /** The Strimzi API versions the operator serves for each custom resource. */
    private static final Map<Class<?>, List<String>> STRIMZI_VERSIONS = Map.of(
            Kafka.class, Kafka.VERSIONS, KafkaNodePool.class, KafkaNodePool.VERSIONS,
            KafkaTopic.class, KafkaTopic.VERSIONS, KafkaUser.class, KafkaUser.VERSIONS);

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private StrictValidator() {
    }

    /** What is wrong with the object, each problem with its path; empty when it is valid. */
    static List<String> problems(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String name = object.path("metadata").path("name").asText();
        String id = kind + " " + (name.isEmpty() ? "(no name)" : name);
        List<String> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add(id + ": metadata.name is required");
        }
        Class<?> type = TYPES.get(apiVersion + "/" + kind);
        if (type == null) {
            problems.add(id + ": no schema is known for apiVersion " + apiVersion + " kind " + kind
                    + " (known: " + new java.util.TreeSet<>(TYPES.keySet()) + ")");
            return problems;
        }
        List<String> versions = STRIMZI_VERSIONS.get(type);
        if (versions != null && !versions.contains(apiVersion.substring(apiVersion.indexOf('/') + 1))) {
            problems.add(id + ": Strimzi serves " + versions + ", not " + apiVersion);
        }
        Object model;
        try {
            model = STRICT.treeToValue(object, type);
        } catch (Exception e) {
            problems.add(id + ": " + e.getMessage().lines().findFirst().orElse(e.toString()));
            return problems;
        }
        walk(model, object, id, problems, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return problems;
    }

    private static void walk(Object value, JsonNode written, String path, List<String> problems, Set<Object> seen) {
        if (value == null) {
            if (written.isValueNode() && !written.isNull()) {
                // A Strimzi enum reads a value it does not know as null.
                problems.add(path + ": " + written + " is not a value the API knows");
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, written.path(String.valueOf(key)), path + "." + key, problems, seen));
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, written.path(index), path + "[" + index++ + "]", problems, seen);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (type.isEnum() || !isModel(type) || !seen.add(value)) {
            return;
        }
        for (Method getter : type.getMethods()) {
            if (Modifier.isStatic(getter.getModifiers()) || getter.getParameterCount() != 0
                    || !getter.getName().startsWith("get") || getter.getName().length() == 3
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
            } else {
                String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                if (property instanceof Map<?, ?> || property instanceof Collection<?>
                        || (property != null && isModel(property.getClass()))
                        || (property == null && getter.getReturnType().isEnum())) {
                    walk(property, written.path(field), path + "." + field, problems, seen);
                }
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.");
    }
}
