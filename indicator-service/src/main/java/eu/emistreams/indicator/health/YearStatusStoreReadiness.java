package eu.emistreams.indicator.health;

import eu.emistreams.indicator.api.PendingYears;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once every store served by {@code GET /api/pending} is queryable. */
@Readiness
@ApplicationScoped
public class YearStatusStoreReadiness implements HealthCheck {

    static final String NAME = "year status stores";

    @Inject
    PendingYears pendingYears;

    @Override
    public HealthCheckResponse call() {
        return pendingYears.list()
                .map(unpublished -> HealthCheckResponse.named(NAME).up()
                        .withData("pendingYears", unpublished.yearsByFamily().values().stream().mapToLong(List::size).sum())
                        .build())
                .orElseGet(() -> HealthCheckResponse.down(NAME));
    }
}
