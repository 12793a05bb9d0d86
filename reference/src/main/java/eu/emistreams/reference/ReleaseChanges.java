package eu.emistreams.reference;

import java.util.Map;

/**
 * What ingesting {@code next} after {@code previous} must publish (§4): counted applications that
 * are new or whose content changed, the unchanged ones (not published again) and the counted
 * applications of {@code previous} that {@code next} no longer counts (retracted).
 */
public record ReleaseChanges(long newOrChanged, long unchanged, long retracted) {

    public static ReleaseChanges between(PatstatRelease previous, PatstatRelease next) {
        Map<Long, PatstatRelease.Application> before = previous.applications();
        Map<Long, PatstatRelease.Application> after = next.applications();
        long newOrChanged = 0;
        long unchanged = 0;
        for (PatstatRelease.Application application : next.countedApplications()) {
            PatstatRelease.Application old = before.get(application.applnId);
            if (old != null && old.counted() && old.content().equals(application.content())) {
                unchanged++;
            } else {
                newOrChanged++;
            }
        }
        long retracted = previous.countedApplications().stream()
                .filter(old -> after.get(old.applnId) == null || !after.get(old.applnId).counted())
                .count();
        return new ReleaseChanges(newOrChanged, unchanged, retracted);
    }

    /** The first release: every counted application is new. */
    public static ReleaseChanges first(PatstatRelease release) {
        return new ReleaseChanges(release.countedApplications().size(), 0, 0);
    }
}
