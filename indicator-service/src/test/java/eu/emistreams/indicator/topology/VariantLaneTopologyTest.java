package eu.emistreams.indicator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.VariantIndicatorKey;
import eu.emistreams.indicator.store.StateStoreKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The variant lanes (issue 15): a record tagged under a variant rule set makes the same pipeline
 * publish, on emi.indicators.variants, exactly what it publishes for the rules in force when those
 * codes are in force; the values of the rules in force are those of a pipeline without variants;
 * a variant dropped retracts its values.
 */
class VariantLaneTopologyTest {

    private static final List<String> CODES = List.of("AGRI", "DIGI", "G.REN.SOLAR", "D.AI", "HEAL");
    private static final List<String> COUNTRIES = List.of("BE", "DE", "FR", "US", "ZZ", "NL");

    private record Application(long id, int year, List<String> countries, List<String> codes, List<String> variantCodes) {
    }

    private static List<Application> applications(long seed) {
        Random random = new Random(seed);
        List<Application> applications = new java.util.ArrayList<>();
        for (long id = 1; id <= 60; id++) {
            applications.add(new Application(id, 2019 + random.nextInt(2), pick(random, COUNTRIES, 3),
                    pick(random, CODES, 2), pick(random, CODES, 2)));
        }
        return applications;
    }

    private static List<String> pick(Random random, List<String> from, int atMost) {
        List<String> picked = new java.util.ArrayList<>();
        for (int i = random.nextInt(atMost + 1); i > 0; i--) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return picked;
    }

    @Test
    void aPatentVariantIsComputedByThePipelineOfTheRulesInForceAndLeavesThemUnchanged() {
        List<Application> applications = applications(15);
        try (IndicatorTopologyHarness withVariant = new IndicatorTopologyHarness(StateStoreKind.IN_MEMORY);
                IndicatorTopologyHarness inForceOnly = new IndicatorTopologyHarness(StateStoreKind.IN_MEMORY);
                IndicatorTopologyHarness variantInForce = new IndicatorTopologyHarness(StateStoreKind.IN_MEMORY)) {
            for (Application a : applications) {
                withVariant.patentWithVariants(a.id(), a.year(), a.countries(), a.codes(),
                        Map.of("strict", a.variantCodes()));
                inForceOnly.patent(a.id(), a.year(), a.countries(), a.codes());
                variantInForce.patent(a.id(), a.year(), a.countries(), a.variantCodes());
            }
            withVariant.settle();
            inForceOnly.settle();
            variantInForce.settle();

            assertEquals(values(inForceOnly.compacted()), values(withVariant.compacted()),
                    "the rules in force publish what they publish without a variant");
            assertEquals(values(variantInForce.compacted()), variantValues(withVariant.compactedVariants(), "strict"),
                    "the variant's values are those of its codes in force");
            assertTrue(withVariant.compactedVariants().keySet().stream().allMatch(key -> key.getVariant().equals("strict")));

            // Dropped: the classifier re-emits every record without the variant's codes.
            for (Application a : applications) {
                withVariant.patent(a.id(), a.year(), a.countries(), a.codes());
            }
            withVariant.settle();
            assertEquals(Map.of(), withVariant.compactedVariants(), "every variant value retracted");
            assertEquals(values(inForceOnly.compacted()), values(withVariant.compacted()));
        }
    }

    @Test
    void aTradeVariantIsComputedLikeTheRulesInForce() {
        Random random = new Random(17);
        try (IndicatorTopologyHarness withVariant = new IndicatorTopologyHarness(StateStoreKind.IN_MEMORY);
                IndicatorTopologyHarness variantInForce = new IndicatorTopologyHarness(StateStoreKind.IN_MEMORY)) {
            for (int row = 0; row < 40; row++) {
                String country = COUNTRIES.get(random.nextInt(4));
                String flow = random.nextBoolean() ? "X" : "M";
                double value = 1000 + random.nextInt(100_000);
                List<String> codes = pick(random, CODES, 2);
                List<String> variantCodes = pick(random, CODES, 2);
                withVariant.tradeWithVariants("row-" + row, country, 2021, flow, value, codes,
                        Map.of("wide", variantCodes, "narrow", List.of()));
                variantInForce.trade("row-" + row, country, 2021, flow, value, variantCodes);
            }
            withVariant.settle();
            variantInForce.settle();
            Map<IndicatorKey, Double> wide = variantValues(withVariant.compactedVariants(), "wide");
            assertFalse(wide.isEmpty());
            assertEquals(values(variantInForce.compacted()), wide);
        }
    }

    private static Map<IndicatorKey, Double> values(Map<IndicatorKey, IndicatorValue> compacted) {
        Map<IndicatorKey, Double> values = new HashMap<>();
        compacted.forEach((key, value) -> values.put(key, value.getValue()));
        return values;
    }

    private static Map<IndicatorKey, Double> variantValues(Map<VariantIndicatorKey, IndicatorValue> compacted, String variant) {
        Map<IndicatorKey, Double> values = new HashMap<>();
        compacted.forEach((key, value) -> {
            if (key.getVariant().equals(variant)) {
                values.put(new IndicatorKey(key.getIndicator(), key.getCountry(), key.getCode(), key.getYear()),
                        value.getValue());
            }
        });
        return values;
    }
}
