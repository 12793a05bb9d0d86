package eu.emistreams.classifier.topology;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** The topology settings of the service's application.properties, for tests that build the topology. */
final class BuildProperties {

    private BuildProperties() {
    }

    static Properties ofTheService() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        return properties;
    }
}
