package eu.emistreams.query.factsheet;

import eu.emistreams.query.serving.StoreUnavailableException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * When a fact sheet changes. The indicators of a country live in partitions spread over the
 * instances, so no single store listener sees them all: each watcher instead reads the country's
 * indicators every {@code emi.factsheet.change-poll-interval} (the same query the page makes) and
 * emits the content version whenever it differs from the last one, the first one included.
 */
@ApplicationScoped
public class FactSheetChanges {

    private static final Logger LOG = Logger.getLogger(FactSheetChanges.class);

    /** The first check at once (Mutiny wants a positive delay): the page compares it with its own version. */
    private static final Duration FIRST_CHECK = Duration.ofMillis(1);

    @Inject
    FactSheetService sheets;

    @ConfigProperty(name = "emi.factsheet.change-poll-interval", defaultValue = "1s")
    Duration pollInterval;

    /** The versions of the country's fact sheet, the current one first, then one per change; never completes. */
    public Multi<String> versions(String country) {
        String member = FactSheetService.requireMemberState(country);
        return Multi.createFrom().ticks().startingAfter(FIRST_CHECK).every(pollInterval)
                // A slow query skips ticks rather than queueing them.
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> Uni.createFrom().item(() -> currentVersion(member))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .skip().repetitions();
    }

    /** The current version, or null (no item) while the stores are not ready: the next tick tries again. */
    private String currentVersion(String country) {
        try {
            return sheets.data(country).version();
        } catch (StoreUnavailableException e) {
            LOG.debugf("fact sheet %s: version not available yet: %s", country, e.getMessage());
            return null;
        }
    }
}
