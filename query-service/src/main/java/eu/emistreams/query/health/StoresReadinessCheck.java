package eu.emistreams.query.health;

import eu.emistreams.query.serving.InteractiveQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the stores answer: Kafka Streams is RUNNING, the ingest reports are readable and so
 * is every indicator partition this instance holds. (Liveness is Quarkus's Streams state check.)
 */
@Readiness
@ApplicationScoped
public class StoresReadinessCheck implements HealthCheck {

    @Inject
    InteractiveQueries queries;

    @Override
    public HealthCheckResponse call() {
        Optional<String> reason = queries.notQueryableReason();
        return HealthCheckResponse.named("query stores")
                .status(reason.isEmpty())
                .withData("reason", reason.orElse("queryable"))
                .build();
    }
}
