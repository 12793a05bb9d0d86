package eu.emistreams.classifier.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The codes of indicators.md §1: the 14 industrial ecosystems and the 18 technologies. A rule may
 * only assign one of these, under its own dimension.
 */
public final class EmiCodes {

    private static final Map<String, Dimension> DIMENSION_BY_CODE = new LinkedHashMap<>();

    static {
        for (String ecosystem : new String[] {"AERO", "AGRI", "CONS", "CCI", "DIGI", "ELEC", "EII",
            "REN", "HEAL", "MOB", "PROX", "RETA", "TEXT", "TOUR"}) {
            DIMENSION_BY_CODE.put(ecosystem, Dimension.ECOSYSTEM);
        }
        for (String technology : new String[] {"G.AMN", "G.BIO", "G.ESE", "G.REN", "G.REN.SOLAR",
            "G.REN.WIND", "G.REN.OTHER", "D.AMR", "D.AMR.AM", "D.AMR.ROB", "D.AI", "D.BD", "D.SEC",
            "D.MOB", "D.IOT", "D.MNP", "D.MNP.MNE", "D.MNP.PHO"}) {
            DIMENSION_BY_CODE.put(technology, Dimension.TECHNOLOGY);
        }
    }

    private EmiCodes() {
    }

    /** Every code in the order of §1. */
    public static Set<String> all() {
        return Collections.unmodifiableSet(DIMENSION_BY_CODE.keySet());
    }

    public static Optional<Dimension> dimensionOf(String code) {
        return Optional.ofNullable(DIMENSION_BY_CODE.get(code));
    }

    /**
     * The parent of a child code {@code PARENT.CHILD} ({@code G.REN.SOLAR} to {@code G.REN}), or
     * empty for a top-level code.
     */
    public static Optional<String> parentOf(String code) {
        if (!DIMENSION_BY_CODE.containsKey(code)) {
            return Optional.empty();
        }
        int lastDot = code.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String candidate = code.substring(0, lastDot);
        return DIMENSION_BY_CODE.containsKey(candidate) ? Optional.of(candidate) : Optional.empty();
    }
}
