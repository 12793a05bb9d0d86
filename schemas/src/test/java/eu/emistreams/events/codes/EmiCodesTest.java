package eu.emistreams.events.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmiCodesTest {

    @Test
    void theListsOfTheContract() {
        assertEquals(14, EmiCodes.ECOSYSTEMS.size());
        assertEquals(18, EmiCodes.TECHNOLOGIES.size());
        assertEquals(32, Set.copyOf(EmiCodes.ALL).size());
        assertEquals(27, EmiCodes.EU27.size());
        assertTrue(EmiCodes.isEu27("GR"));
        assertFalse(EmiCodes.isEu27("EL"));
        assertFalse(EmiCodes.isEu27("GB"));
        assertEquals("ZZ", EmiCodes.UNKNOWN_COUNTRY);
    }

    @Test
    void dimensions() {
        assertEquals(Optional.of(Dimension.ECOSYSTEM), EmiCodes.dimensionOf("REN"));
        assertEquals(Optional.of(Dimension.TECHNOLOGY), EmiCodes.dimensionOf("G.REN"));
        assertEquals(Optional.empty(), EmiCodes.dimensionOf("g.ren"));
        assertEquals(Optional.empty(), EmiCodes.dimensionOf(null));
    }

    @Test
    void theSevenChildrenHaveTheirParent() {
        assertEquals(Optional.of("G.REN"), EmiCodes.parentOf("G.REN.SOLAR"));
        assertEquals(Optional.of("D.MNP"), EmiCodes.parentOf("D.MNP.PHO"));
        assertEquals(Optional.empty(), EmiCodes.parentOf("G.REN"));
        assertEquals(Optional.empty(), EmiCodes.parentOf("G.REN.NUCLEAR"), "not a code of the contract");
        assertEquals(7, EmiCodes.ALL.stream().filter(code -> EmiCodes.parentOf(code).isPresent()).count());
    }

    @Test
    void withParentsAddsEachParentOnceAndDropsUnknownCodes() {
        assertEquals(List.of("AGRI", "G.REN", "G.REN.SOLAR", "G.REN.WIND"),
                List.copyOf(EmiCodes.withParents(List.of("G.REN.WIND", "G.REN.SOLAR", "AGRI", "X.Y", "G.REN.NUCLEAR"))));
        assertTrue(EmiCodes.withParents(null).isEmpty());
    }
}
