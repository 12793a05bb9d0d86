package eu.emistreams.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSecurityTest {

    @Test
    void theVariablesThatAreSetBecomeKafkaClientProperties() {
        Map<String, Object> properties = KafkaClientSecurity.properties(Map.of(
                "EMI_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "EMI_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "EMI_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "EMI_KAFKA_SSL_TRUSTSTORE_TYPE", " PKCS12 ",
                "EMI_KAFKA_SSL_TRUSTSTORE_PASSWORD", "",
                "KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092"));
        assertEquals(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PKCS12"), properties);
    }

    @Test
    void withoutTheVariablesNothingIsAddedAndKafkaDefaultsToPlaintext() {
        assertEquals(Map.of(), KafkaClientSecurity.properties(Map.of("PATH", "/usr/bin")));
    }
}
