package eu.emistreams.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The patent indicators of indicators.md §3 computed from one release, exactly, by the published
 * set the project chose: for every year with a counted application, every code of §1 and every
 * country of EU27 ∪ peers ∪ {c : P(c,*,y) > 0}, the count and both shares; the EU27 rank where the
 * world total P(W,k,y) is positive. The EU27 as one economy ({@code EU27}) has its own sums, to
 * which every applicant of a member adds its weight as it is read; its shares are computed from
 * them like a country's, and it has no rank.
 */
public final class ReferencePatentIndicators {

    public static final String COUNT = "patent.count";
    public static final String COUNTRY_SHARE = "patent.country_share";
    public static final String WORLD_SHARE = "patent.world_share";
    public static final String EU27_RANK = "patent.eu27_rank";
    public static final List<String> INDICATORS = List.of(COUNT, COUNTRY_SHARE, WORLD_SHARE, EU27_RANK);

    /** §3: world shares are compared after rounding to 9 decimals for ranking. */
    static final int RANK_SCALE = 9;

    private ReferencePatentIndicators() {
    }

    public static SortedMap<IndicatorId, Fraction> compute(PatstatRelease release, ConcordanceRules rules) {
        // P(c,k,y) and P(c,*,y), keyed by year then country (then code).
        Map<Integer, Map<String, Map<String, Fraction>>> tagged = new TreeMap<>();
        Map<Integer, Map<String, Fraction>> total = new TreeMap<>();
        // P(EU27,k,y) and P(EU27,*,y), added up applicant by applicant, apart from the countries'
        // sums so that the world total does not count the members twice.
        Map<Integer, Map<String, Fraction>> euTagged = new TreeMap<>();
        Map<Integer, Fraction> euTotal = new TreeMap<>();
        for (PatstatRelease.Application application : release.countedApplications()) {
            int year = application.earliestFilingYear;
            List<String> texts = new ArrayList<>(application.titles);
            texts.addAll(application.abstracts);
            Set<String> codes = rules.tag(application.ipcSymbols, texts);
            for (Map.Entry<String, Fraction> share : applicantWeights(application).entrySet()) {
                String country = share.getKey();
                Fraction weight = share.getValue();
                total.computeIfAbsent(year, y -> new HashMap<>()).merge(country, weight, Fraction::plus);
                Map<String, Fraction> byCode = tagged.computeIfAbsent(year, y -> new HashMap<>())
                        .computeIfAbsent(country, c -> new HashMap<>());
                for (String code : codes) {
                    byCode.merge(code, weight, Fraction::plus);
                }
                if (EmiCodes.EU27.contains(country)) {
                    euTotal.merge(year, weight, Fraction::plus);
                    Map<String, Fraction> euByCode = euTagged.computeIfAbsent(year, y -> new HashMap<>());
                    for (String code : codes) {
                        euByCode.merge(code, weight, Fraction::plus);
                    }
                }
            }
        }

        SortedMap<IndicatorId, Fraction> indicators = new TreeMap<>();
        for (int year : total.keySet()) {
            Map<String, Fraction> countryTotals = total.get(year);
            Map<String, Map<String, Fraction>> countryTagged = tagged.getOrDefault(year, Map.of());
            Set<String> countries = new TreeSet<>(EmiCodes.EU27);
            countries.addAll(EmiCodes.PEERS);
            countryTotals.forEach((country, weight) -> {
                if (weight.signum() > 0) {
                    countries.add(country);
                }
            });
            for (String code : EmiCodes.ALL_CODES) {
                // P(W,k,y) sums every country with weight, ZZ included, not only the published ones.
                Fraction world = Fraction.ZERO;
                for (Map<String, Fraction> byCode : countryTagged.values()) {
                    world = world.plus(byCode.getOrDefault(code, Fraction.ZERO));
                }
                Map<String, Fraction> worldShares = new HashMap<>();
                for (String country : countries) {
                    Fraction count = countryTagged.getOrDefault(country, Map.of()).getOrDefault(code, Fraction.ZERO);
                    Fraction countryTotal = countryTotals.getOrDefault(country, Fraction.ZERO);
                    Fraction countryShare = countryTotal.isZero() ? Fraction.ZERO
                            : Fraction.HUNDRED.times(count).dividedBy(countryTotal);
                    Fraction worldShare = world.isZero() ? Fraction.ZERO
                            : Fraction.HUNDRED.times(count).dividedBy(world);
                    worldShares.put(country, worldShare);
                    indicators.put(new IndicatorId(COUNT, country, code, year), count);
                    indicators.put(new IndicatorId(COUNTRY_SHARE, country, code, year), countryShare);
                    indicators.put(new IndicatorId(WORLD_SHARE, country, code, year), worldShare);
                }
                Fraction euCount = euTagged.getOrDefault(year, Map.of()).getOrDefault(code, Fraction.ZERO);
                Fraction euAll = euTotal.getOrDefault(year, Fraction.ZERO);
                indicators.put(new IndicatorId(COUNT, EmiCodes.EU27_ECONOMY, code, year), euCount);
                indicators.put(new IndicatorId(COUNTRY_SHARE, EmiCodes.EU27_ECONOMY, code, year),
                        euAll.isZero() ? Fraction.ZERO : Fraction.HUNDRED.times(euCount).dividedBy(euAll));
                indicators.put(new IndicatorId(WORLD_SHARE, EmiCodes.EU27_ECONOMY, code, year),
                        world.isZero() ? Fraction.ZERO : Fraction.HUNDRED.times(euCount).dividedBy(world));
                if (world.signum() > 0) {
                    competitionRanks(worldShares).forEach((country, rank) ->
                            indicators.put(new IndicatorId(EU27_RANK, country, code, year), Fraction.of(rank, 1)));
                }
            }
        }
        return indicators;
    }

    /** Each applicant row weighs 1/n; an application without applicants gives its weight 1 to ZZ. */
    static Map<String, Fraction> applicantWeights(PatstatRelease.Application application) {
        Map<String, Fraction> weights = new TreeMap<>();
        int n = application.applicantCountries.size();
        if (n == 0) {
            weights.put(EmiCodes.UNKNOWN_COUNTRY, Fraction.ONE);
            return weights;
        }
        for (String country : application.applicantCountries) {
            weights.merge(country, Fraction.of(1, n), Fraction::plus);
        }
        return weights;
    }

    /** Competition ranking of the EU27 on world shares rounded to 9 decimals: 1, 2, 2, 4. */
    static Map<String, Integer> competitionRanks(Map<String, Fraction> worldShares) {
        Map<String, BigDecimal> rounded = new HashMap<>();
        for (String member : EmiCodes.EU27) {
            rounded.put(member, worldShares.getOrDefault(member, Fraction.ZERO).rounded(RANK_SCALE));
        }
        Map<String, Integer> ranks = new TreeMap<>();
        for (String member : EmiCodes.EU27) {
            int higher = 0;
            for (BigDecimal other : rounded.values()) {
                if (other.compareTo(rounded.get(member)) > 0) {
                    higher++;
                }
            }
            ranks.put(member, higher + 1);
        }
        return ranks;
    }
}
