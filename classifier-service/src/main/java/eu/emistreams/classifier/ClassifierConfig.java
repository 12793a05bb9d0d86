package eu.emistreams.classifier;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the classifier under {@code emi.classifier}. */
@ConfigMapping(prefix = "emi.classifier")
public interface ClassifierConfig {

    /** How long {@code PUT /api/concordance} waits for every task to apply a new concordance before answering 202. */
    @WithDefault("60s")
    Duration applyTimeout();

    Reclassification reclassification();

    interface Reclassification {

        /** How often each task compares the concordance in force with the one it applied. */
        @WithDefault("500ms")
        Duration checkInterval();

        /** Records re-emitted per task and per check while a new concordance is being applied. */
        @WithDefault("10000")
        int batchSize();
    }
}
