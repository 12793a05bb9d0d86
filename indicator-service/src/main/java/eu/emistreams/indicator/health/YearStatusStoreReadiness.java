package eu.emistreams.indicator.health;

import eu.emistreams.indicator.api.PendingYears;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the store served by {@code GET /api/pending} is queryable. */
@Readiness
@ApplicationScoped
public class YearStatusStoreReadiness implements HealthCheck {

    @Inject
    PendingYears pendingYears;

    @Override
    public HealthCheckResponse call() {
        return pendingYears.list()
                .map(years -> HealthCheckResponse.named("patent-year-status store")
                        .up().withData("pendingYears", years.size()).build())
                .orElseGet(() -> HealthCheckResponse.down("patent-year-status store"));
    }
}
