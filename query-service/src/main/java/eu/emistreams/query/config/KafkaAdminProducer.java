package eu.emistreams.query.config;

import eu.emistreams.events.KafkaClientSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one admin client of the service: partition counts for queries, offsets for the status. */
@ApplicationScoped
public class KafkaAdminProducer {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Produces
    @ApplicationScoped
    Admin admin() {
        // Short timeouts: every caller is an HTTP request that answers 503 rather than hang.
        return Admin.create(KafkaClientSecurity.withSecurity(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "emi-query-admin",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000)));
    }

    void close(@Disposes Admin admin) {
        admin.close(Duration.ofSeconds(2));
    }
}
