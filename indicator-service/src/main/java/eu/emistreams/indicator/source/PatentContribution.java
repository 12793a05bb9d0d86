package eu.emistreams.indicator.source;

import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.indicator.calculation.ExactFraction;
import eu.emistreams.indicator.calculation.YearSums;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one counted application adds to the sums of its year: the applicants per country (of
 * {@code applicantCount} in all, so a country's weight is its applicants / applicantCount) and the
 * codes it is tagged with. It also carries where it came from, for the provenance of indicators.
 */
public record PatentContribution(
        int year,
        int applicantCount,
        SortedMap<String, Integer> applicantsByCountry,
        SortedSet<String> codes,
        String sourceRelease,
        String concordanceVersion) implements Contribution<ExactFraction> {

    /** {@code earliest_filing_year} of an application whose priority year is unknown. */
    public static final int UNKNOWN_YEAR = 9999;

    public PatentContribution {
        applicantsByCountry = Collections.unmodifiableSortedMap(new TreeMap<>(applicantsByCountry));
        codes = Collections.unmodifiableSortedSet(new TreeSet<>(codes));
    }

    /**
     * The contribution of a classified application, or empty when it counts in no year (unknown
     * priority year). An application without applicants gives its whole weight to ZZ.
     */
    public static Optional<PatentContribution> of(ClassifiedPatent patent) {
        if (patent.getYear() == UNKNOWN_YEAR) {
            return Optional.empty();
        }
        SortedMap<String, Integer> byCountry = new TreeMap<>();
        for (String country : patent.getApplicantCountries()) {
            byCountry.merge(CountedCountry.of(country), 1, Integer::sum);
        }
        int applicantCount = patent.getApplicantCountries().size();
        if (applicantCount == 0) {
            byCountry.put(EmiCodes.UNKNOWN_COUNTRY, 1);
            applicantCount = 1;
        }
        return Optional.of(new PatentContribution(patent.getYear(), applicantCount, byCountry,
                countedCodes(patent), patent.getSourceRelease(), patent.getConcordanceVersion()));
    }

    /** Each country's weight in this application; the weights sum to exactly 1. */
    public Map<String, ExactFraction> weightsByCountry() {
        SortedMap<String, ExactFraction> weights = new TreeMap<>();
        applicantsByCountry.forEach((country, applicants) ->
                weights.put(country, ExactFraction.of(applicants, applicantCount)));
        return weights;
    }

    @Override
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(year)));
    }

    /**
     * Each country's weight under {@code code|country} for every code the application carries, and
     * under {@code *|country} ({@link YearSums#ALL_CODES}) once for all of them.
     */
    @Override
    public Map<String, ExactFraction> amounts(int year) {
        SortedMap<String, ExactFraction> amounts = new TreeMap<>();
        if (year != this.year) {
            return amounts;
        }
        Map<String, ExactFraction> weights = weightsByCountry();
        weights.forEach((country, weight) -> amounts.put(YearSums.key(YearSums.ALL_CODES, country), weight));
        for (String code : codes) {
            weights.forEach((country, weight) -> amounts.put(YearSums.key(code, country), weight));
        }
        return amounts;
    }

    /**
     * The codes of §1 the application carries, each parent added once for a child. Codes outside
     * §1 are published for by no indicator, so they are not summed.
     */
    private static SortedSet<String> countedCodes(ClassifiedPatent patent) {
        return EmiCodes.withParents(patent.getCodes());
    }
}
