package eu.emistreams.indicator.calculation;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The code lists of {@code indicators.md} §1 that the patent indicators are published for. */
public final class IndicatorCodes {

    public static final List<String> ECOSYSTEMS = List.of(
            "AERO", "AGRI", "CONS", "CCI", "DIGI", "ELEC", "EII", "REN", "HEAL", "MOB", "PROX", "RETA", "TEXT",
            "TOUR");

    public static final List<String> TECHNOLOGIES = List.of(
            "G.AMN", "G.BIO", "G.ESE", "G.REN", "G.REN.SOLAR", "G.REN.WIND", "G.REN.OTHER",
            "D.AMR", "D.AMR.AM", "D.AMR.ROB", "D.AI", "D.BD", "D.SEC", "D.MOB", "D.IOT",
            "D.MNP", "D.MNP.MNE", "D.MNP.PHO");

    /** Every code an indicator is published for, ecosystems first, in the order of the contract. */
    public static final List<String> ALL = concat(ECOSYSTEMS, TECHNOLOGIES);

    public static final SortedSet<String> EU27 = new TreeSet<>(List.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
            "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"));

    /** Stands for "unknown / not a valid country" throughout the system. */
    public static final String UNKNOWN_COUNTRY = "ZZ";

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private IndicatorCodes() {
    }

    public static boolean isKnown(String code) {
        return KNOWN.contains(code);
    }

    /** The parent of a technology child code ({@code G.REN.SOLAR} -> {@code G.REN}), or null. */
    public static String parentOf(String code) {
        int lastDot = code.lastIndexOf('.');
        int firstDot = code.indexOf('.');
        return lastDot > firstDot ? code.substring(0, lastDot) : null;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
