package eu.emistreams.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryShapeTest {

    @Test
    void everyRequestIsAboutOneEuCountry() {
        assertEquals(27, QueryShape.COUNTRY.paths(List.of(2020)).size());
        assertEquals(27 * 4, QueryShape.FIGURE.paths(List.of(2020)).size());
        assertEquals(27 * 4 * 32 * 2, QueryShape.CELL.paths(List.of(2019, 2020)).size());
        assertTrue(QueryShape.FIGURE.paths(List.of()).contains("/api/indicators?indicator=patent.world_share&country=BE"));
        assertTrue(QueryShape.CELL.paths(List.of(2020))
                .contains("/api/indicators?indicator=patent.count&country=GR&code=G.REN.SOLAR&year=2020"));
    }
}
