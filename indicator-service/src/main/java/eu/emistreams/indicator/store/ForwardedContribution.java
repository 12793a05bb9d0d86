package eu.emistreams.indicator.store;

/**
 * What a record contributed to the yearly sums when its changes were last forwarded to the
 * aggregate; {@code contribution} is null when it contributed nothing then (a new record). A
 * contribution stage that combines its changes keeps one for each record not forwarded yet.
 */
public record ForwardedContribution<C>(C contribution) {
}
