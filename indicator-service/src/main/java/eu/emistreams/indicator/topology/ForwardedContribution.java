package eu.emistreams.indicator.topology;

import eu.emistreams.indicator.source.PatentContribution;

/**
 * What an application contributed to the yearly sums when its changes were last forwarded to the
 * aggregate; {@code contribution} is null when it contributed nothing then (a new application).
 * The contribution stage keeps one for each application whose changes are not forwarded yet.
 */
record ForwardedContribution(PatentContribution contribution) {
}
