package eu.emistreams.indicator.lane;

import eu.emistreams.indicator.source.Contribution;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one record contributes under the rules in force and under each variant rule set loaded
 * beside them (issue 15): the family's own contribution computed once per lane, the variants'
 * amounts under their lane's sum keys ({@link Lanes#variantKey}). The contribution stage and the
 * aggregate treat it as any contribution, so a variant's sums are kept, retracted and published by
 * the very pipeline of the rules in force; without variants it is the in-force contribution alone.
 */
public record LaneContributions<C extends Contribution<M>, M>(C inForce, SortedMap<String, C> variants)
        implements Contribution<M> {

    public LaneContributions {
        variants = Collections.unmodifiableSortedMap(new TreeMap<>(variants));
    }

    public static <C extends Contribution<M>, M> LaneContributions<C, M> inForceOnly(C inForce) {
        return new LaneContributions<>(inForce, new TreeMap<>());
    }

    @Override
    public SortedSet<Integer> years() {
        if (variants.isEmpty()) {
            return inForce.years();
        }
        SortedSet<Integer> years = new TreeSet<>(inForce.years());
        variants.values().forEach(variant -> years.addAll(variant.years()));
        return years;
    }

    @Override
    public Map<String, M> amounts(int year) {
        if (variants.isEmpty()) {
            return inForce.amounts(year);
        }
        Map<String, M> amounts = new TreeMap<>(inForce.amounts(year));
        variants.forEach((name, variant) -> variant.amounts(year).forEach((key, amount) ->
                amounts.put(Lanes.variantKey(name, key), amount)));
        return amounts;
    }

    @Override
    public String sourceRelease() {
        return inForce.sourceRelease();
    }

    @Override
    public String concordanceVersion() {
        return inForce.concordanceVersion();
    }
}
