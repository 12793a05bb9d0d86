package eu.emistreams.ingest.keyed;

import java.util.List;

/**
 * What the rules of a source make of one row (indicators.md §8): an event to publish under its
 * natural key, or one of the counted buckets with its reason. The reason is the accounting detail
 * without its prefix ({@code partner_not_world} becomes {@code ignored.partner_not_world}).
 */
public sealed interface RowOutcome<T> {

    /**
     * An event for its natural key, with the notes it gives rise to ({@code country_to_ZZ}).
     * The event's {@code sourceRelease} is set by the run.
     */
    record Publish<T>(String key, T event, List<String> notes) implements RowOutcome<T> {
    }

    /** Not counted by the indicators' rules (an aggregate, another partner, another indicator). */
    record Ignore<T>(String reason) implements RowOutcome<T> {
    }

    /** A data-quality count: the row is well formed but carries no usable value (a confidential cell). */
    record Quality<T>(String reason) implements RowOutcome<T> {
    }

    /** A row that cannot be used: goes to the rejects topic with the explanation. */
    record Reject<T>(String detail, String explanation) implements RowOutcome<T> {
    }

    static <T> RowOutcome<T> publish(String key, T event, List<String> notes) {
        return new Publish<>(key, event, notes);
    }

    static <T> RowOutcome<T> ignore(String reason) {
        return new Ignore<>(reason);
    }

    static <T> RowOutcome<T> quality(String reason) {
        return new Quality<>(reason);
    }

    static <T> RowOutcome<T> reject(RowRejection rejection) {
        return new Reject<>(rejection.detail(), rejection.getMessage());
    }

    static <T> RowOutcome<T> reject(String detail, String explanation) {
        return new Reject<>(detail, explanation);
    }
}
