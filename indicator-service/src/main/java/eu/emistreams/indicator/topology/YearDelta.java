package eu.emistreams.indicator.topology;

import eu.emistreams.indicator.source.PatentContribution;

/**
 * The change one classified record makes to the sums of one year: the application's previous
 * contribution to that year taken away and its new one added. Either may be null; both belong to
 * {@code year}. It travels on the internal repartition topic keyed by year.
 */
public record YearDelta(int year, PatentContribution removed, PatentContribution added) {

    public YearDelta {
        if (removed != null && removed.year() != year || added != null && added.year() != year) {
            throw new IllegalArgumentException("a delta of year " + year + " holds a contribution of another year");
        }
    }
}
