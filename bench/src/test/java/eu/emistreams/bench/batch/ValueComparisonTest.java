package eu.emistreams.bench.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueComparisonTest {

    private static final IndicatorId COUNT = new IndicatorId("patent.count", "BE", "AGRI", 2020);
    private static final IndicatorId SHARE = new IndicatorId("patent.world_share", "BE", "AGRI", 2020);
    private static final IndicatorId RANK = new IndicatorId("patent.eu27_rank", "BE", "AGRI", 2020);

    @Test
    void agreesWithinTheRoundingThePipelinePublishesAt() {
        ValueComparison comparison = ValueComparison.of(Map.of(COUNT, 1.0 / 3, SHARE, 12.5),
                Map.of(COUNT, 1.0 / 3 + 4e-10, SHARE, 12.5));
        assertTrue(comparison.matches(), comparison.describe());
        assertEquals("all 2 indicator values agree", comparison.describe());
    }

    @Test
    void namesMissingExtraAndDifferentValues() {
        ValueComparison comparison = ValueComparison.of(Map.of(COUNT, 1.0, SHARE, 12.5),
                Map.of(SHARE, 12.5 + 1e-6, RANK, 1.0));
        assertFalse(comparison.matches());
        assertEquals(List.of(COUNT), comparison.missing());
        assertEquals(List.of(RANK), comparison.unexpected());
        assertEquals(1, comparison.different().size());
        assertTrue(comparison.describe().contains("missing: patent.count BE AGRI 2020"), comparison.describe());
    }

    @Test
    void largeValuesAgreeRelatively() {
        assertTrue(ValueComparison.close(123456789.0, 123456789.0 + 1e-5));
        assertFalse(ValueComparison.close(1.0, 1.0 + 2e-9));
    }
}
