package eu.emistreams.bench.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 32 codes of indicators.md §1, their dimension and their parent, as the baseline needs them. */
public final class EmiCodes {

    public static final List<String> ECOSYSTEMS = List.of("AERO", "AGRI", "CONS", "CCI", "DIGI", "ELEC", "EII",
            "REN", "HEAL", "MOB", "PROX", "RETA", "TEXT", "TOUR");

    public static final List<String> TECHNOLOGIES = List.of("G.AMN", "G.BIO", "G.ESE", "G.REN", "G.REN.SOLAR",
            "G.REN.WIND", "G.REN.OTHER", "D.AMR", "D.AMR.AM", "D.AMR.ROB", "D.AI", "D.BD", "D.SEC", "D.MOB",
            "D.IOT", "D.MNP", "D.MNP.MNE", "D.MNP.PHO");

    public static final List<String> EU27 = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
            "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private static final Map<String, String> DIMENSION_BY_CODE = new LinkedHashMap<>();

    static {
        ECOSYSTEMS.forEach(code -> DIMENSION_BY_CODE.put(code, "ECOSYSTEM"));
        TECHNOLOGIES.forEach(code -> DIMENSION_BY_CODE.put(code, "TECHNOLOGY"));
    }

    private EmiCodes() {
    }

    /** Every code, ecosystems first, in the order of §1. */
    public static List<String> all() {
        return List.copyOf(DIMENSION_BY_CODE.keySet());
    }

    public static Optional<String> dimensionOf(String code) {
        return Optional.ofNullable(DIMENSION_BY_CODE.get(code));
    }

    /** {@code G.REN.SOLAR} has the parent {@code G.REN}; a top-level code has none. */
    public static Optional<String> parentOf(String code) {
        int lastDot = code.lastIndexOf('.');
        if (lastDot < 0 || !DIMENSION_BY_CODE.containsKey(code)) {
            return Optional.empty();
        }
        String parent = code.substring(0, lastDot);
        return DIMENSION_BY_CODE.containsKey(parent) ? Optional.of(parent) : Optional.empty();
    }
}
