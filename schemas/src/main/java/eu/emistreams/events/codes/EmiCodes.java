package eu.emistreams.events.codes;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The codes of indicators.md §1, the one copy every service reads: the 14 industrial ecosystems,
 * the 18 technologies (a child {@code PARENT.CHILD} belongs to its parent), the EU27 and the
 * unknown country {@code ZZ}.
 */
public final class EmiCodes {

    /** The ecosystems in the order of §1. */
    public static final List<String> ECOSYSTEMS = List.of(
            "AERO", "AGRI", "CONS", "CCI", "DIGI", "ELEC", "EII", "REN", "HEAL", "MOB", "PROX", "RETA", "TEXT",
            "TOUR");

    /** The technologies in the order of §1, each parent before its children. */
    public static final List<String> TECHNOLOGIES = List.of(
            "G.AMN", "G.BIO", "G.ESE", "G.REN", "G.REN.SOLAR", "G.REN.WIND", "G.REN.OTHER",
            "D.AMR", "D.AMR.AM", "D.AMR.ROB", "D.AI", "D.BD", "D.SEC", "D.MOB", "D.IOT",
            "D.MNP", "D.MNP.MNE", "D.MNP.PHO");

    /** Every code, ecosystems first, in the order of §1. */
    public static final List<String> ALL = Stream.concat(ECOSYSTEMS.stream(), TECHNOLOGIES.stream()).toList();

    /** The member states, Greece as {@code GR} (never Eurostat's {@code EL}), sorted; the list of {@link Countries}. */
    public static final SortedSet<String> EU27 = Collections.unmodifiableSortedSet(new TreeSet<>(Countries.EU27));

    /** "Unknown / not a valid country" throughout the system. */
    public static final String UNKNOWN_COUNTRY = Countries.UNKNOWN;

    /**
     * The EU27 as one economy, published like a country (docs/indicators-implementation.md): four
     * characters, so it can never be a country code of the sources (two letters).
     */
    public static final String EU27_AGGREGATE = "EU27";

    /** The peer economies the fact sheet compares with: United States, China, Japan, South Korea. */
    public static final List<String> PEERS = List.of("US", "CN", "JP", "KR");

    private static final Map<String, Dimension> DIMENSION_BY_CODE = dimensions();

    private EmiCodes() {
    }

    public static boolean isCode(String code) {
        return code != null && DIMENSION_BY_CODE.containsKey(code);
    }

    public static boolean isEu27(String country) {
        return country != null && EU27.contains(country);
    }

    public static boolean isPeer(String country) {
        return country != null && PEERS.contains(country);
    }

    public static Optional<Dimension> dimensionOf(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(DIMENSION_BY_CODE.get(code));
    }

    /**
     * The parent of a child code ({@code G.REN.SOLAR} to {@code G.REN}); empty for a top-level
     * code and for anything that is not a code of §1.
     */
    public static Optional<String> parentOf(String code) {
        if (!isCode(code)) {
            return Optional.empty();
        }
        int lastDot = code.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String candidate = code.substring(0, lastDot);
        return isCode(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /**
     * The codes of §1 among {@code codes}, each child's parent added once (§1: a record tagged with
     * a child is also tagged with its parent); anything else is dropped. Sorted.
     */
    public static SortedSet<String> withParents(Collection<String> codes) {
        SortedSet<String> counted = new TreeSet<>();
        if (codes == null) {
            return counted;
        }
        for (String code : codes) {
            if (isCode(code)) {
                counted.add(code);
                parentOf(code).ifPresent(counted::add);
            }
        }
        return counted;
    }

    private static Map<String, Dimension> dimensions() {
        Map<String, Dimension> byCode = new LinkedHashMap<>();
        ECOSYSTEMS.forEach(code -> byCode.put(code, Dimension.ECOSYSTEM));
        TECHNOLOGIES.forEach(code -> byCode.put(code, Dimension.TECHNOLOGY));
        return Collections.unmodifiableMap(byCode);
    }
}
