package eu.emistreams.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How every Kafka client a service creates itself (producers, consumers, admin clients) reaches a
 * secured broker: the Kafka client settings named by the EMI_KAFKA_* environment variables, e.g.
 * SASL_SSL with SCRAM-SHA-512 and the cluster CA's truststore on Kubernetes with Strimzi
 * (deploy/k8s). Unset variables leave Kafka's defaults: PLAINTEXT, as on the local stack. The
 * services' Kafka Streams read the same variables through their application.properties.
 */
public final class KafkaClientSecurity {

    /** Environment variable to Kafka client property. */
    public static final Map<String, String> VARIABLES = variables();

    private KafkaClientSecurity() {
    }

    private static Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("EMI_KAFKA_SECURITY_PROTOCOL", "security.protocol");
        variables.put("EMI_KAFKA_SASL_MECHANISM", "sasl.mechanism");
        variables.put("EMI_KAFKA_SASL_JAAS_CONFIG", "sasl.jaas.config");
        variables.put("EMI_KAFKA_SSL_TRUSTSTORE_LOCATION", "ssl.truststore.location");
        variables.put("EMI_KAFKA_SSL_TRUSTSTORE_TYPE", "ssl.truststore.type");
        variables.put("EMI_KAFKA_SSL_TRUSTSTORE_PASSWORD", "ssl.truststore.password");
        return Map.copyOf(variables);
    }

    /** The security settings this process's environment gives. */
    public static Map<String, Object> properties() {
        return properties(System.getenv());
    }

    public static Map<String, Object> properties(Map<String, String> environment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        VARIABLES.forEach((variable, property) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                properties.put(property, value.strip());
            }
        });
        return properties;
    }

    /** {@code config} with this environment's security settings added. */
    public static Map<String, Object> withSecurity(Map<String, Object> config) {
        Map<String, Object> secured = new LinkedHashMap<>(config);
        secured.putAll(properties());
        return secured;
    }
}
