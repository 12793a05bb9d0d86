package eu.emistreams.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The codes of indicators.md §1, typed in from the contract, not taken from any service. */
public final class EmiCodes {

    /** In alphabetical order, so that whatever iterates them does so the same way every time. */
    public static final List<String> EU27 = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
            "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    public static final String UNKNOWN_COUNTRY = "ZZ";

    /** The EU27 as one economy, as docs/indicators-implementation.md publishes it. */
    public static final String EU27_ECONOMY = "EU27";

    /** The peer economies, always published for patents and investment (United States, China, Japan, Korea). */
    public static final List<String> PEERS = List.of("CN", "JP", "KR", "US");

    public static final List<String> ECOSYSTEMS = List.of("AERO", "AGRI", "CONS", "CCI", "DIGI", "ELEC", "EII",
            "REN", "HEAL", "MOB", "PROX", "RETA", "TEXT", "TOUR");

    public static final List<String> TECHNOLOGIES = List.of("G.AMN", "G.BIO", "G.ESE", "G.REN", "G.REN.SOLAR",
            "G.REN.WIND", "G.REN.OTHER", "D.AMR", "D.AMR.AM", "D.AMR.ROB", "D.AI", "D.BD", "D.SEC", "D.MOB", "D.IOT",
            "D.MNP", "D.MNP.MNE", "D.MNP.PHO");

    /** All 32 codes, ecosystems then technologies. */
    public static final List<String> ALL_CODES = concat(ECOSYSTEMS, TECHNOLOGIES);

    private static final Set<String> ISO_COUNTRIES = new TreeSet<>(Arrays.asList(Locale.getISOCountries()));

    private EmiCodes() {
    }

    /** §3: trimmed and upper-cased; anything that is not an ISO alpha-2 code becomes ZZ. */
    public static String normaliseCountry(String raw) {
        if (raw == null) {
            return UNKNOWN_COUNTRY;
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        return ISO_COUNTRIES.contains(code) ? code : UNKNOWN_COUNTRY;
    }

    /** §1: {@code ECOSYSTEM} or {@code TECHNOLOGY}; null for what is not a code. */
    public static String dimensionOf(String code) {
        if (ECOSYSTEMS.contains(code)) {
            return "ECOSYSTEM";
        }
        return TECHNOLOGIES.contains(code) ? "TECHNOLOGY" : null;
    }

    /** §1: a child code {@code PARENT.CHILD} has its parent; top-level codes have none. */
    public static String parentOf(String code) {
        int dot = code.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String parent = code.substring(0, dot);
        return ALL_CODES.contains(parent) ? parent : null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
