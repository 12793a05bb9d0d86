package eu.emistreams.query.status;

import eu.emistreams.events.progress.StageProgress;
import java.util.Map;
import java.util.Optional;

/**
 * What emi.progress and emi.concordance held at one offset of each, as {@link ProgressReader} read
 * them: every task's latest entry by key, the concordance version published (empty while none
 * was loaded) and the variant rule sets loaded beside it, or why no such reading could be taken.
 *
 * @param notReadUpToDate why the reading cannot be used; empty when it can
 */
public record ProgressSnapshot(Optional<String> notReadUpToDate, Map<String, StageProgress> entries,
        Optional<String> concordanceInForce, Map<String, String> variants) {

    public ProgressSnapshot {
        entries = Map.copyOf(entries);
        variants = Map.copyOf(variants);
    }

    public static ProgressSnapshot of(Map<String, StageProgress> entries, Optional<String> concordanceInForce) {
        return of(entries, concordanceInForce, Map.of());
    }

    /** @param variants the version of each variant rule set loaded, by name */
    public static ProgressSnapshot of(Map<String, StageProgress> entries, Optional<String> concordanceInForce,
            Map<String, String> variants) {
        return new ProgressSnapshot(Optional.empty(), entries, concordanceInForce, variants);
    }

    public static ProgressSnapshot notReadUpToDate(String why) {
        return new ProgressSnapshot(Optional.of(why), Map.of(), Optional.empty(), Map.of());
    }
}
