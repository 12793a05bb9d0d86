package eu.emistreams.classifier.health;

import eu.emistreams.classifier.concordance.ConcordanceInForce;
import eu.emistreams.classifier.concordance.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the concordance store answers, the store {@code GET /api/concordance} serves. The
 * Kafka Streams state itself is checked by the Quarkus extension.
 */
@Readiness
@ApplicationScoped
public class ConcordanceStoreReadiness implements HealthCheck {

    @Inject
    ConcordanceInForce inForce;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("concordance store").up()
                    .withData("version", inForce.version()).build();
        } catch (StoreUnavailableException e) {
            return HealthCheckResponse.named("concordance store").down().withData("reason", e.getMessage()).build();
        }
    }
}
