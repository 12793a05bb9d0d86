package eu.emistreams.ingest.diff;

/** Another release than the one whose run stopped while publishing was asked for (DigestState). */
public final class UnfinishedReleaseException extends IllegalStateException {

    private final String unfinishedRelease;

    UnfinishedReleaseException(String unfinishedRelease, String requestedRelease) {
        super("release " + unfinishedRelease + " of this source stopped while publishing, so part of its events are "
                + "out; ingest " + unfinishedRelease + " again (its files unchanged) before release " + requestedRelease);
        this.unfinishedRelease = unfinishedRelease;
    }

    public String unfinishedRelease() {
        return unfinishedRelease;
    }
}
