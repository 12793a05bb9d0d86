package eu.emistreams.indicator.lane;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The lane dimension of the sums: the rules in force (sum keys as they always were,
 * {@code code|country...}) and each variant rule set ({@code @name|code|country...}). A code never
 * starts with {@value #VARIANT_MARK}, so the lanes cannot be confused, and the sums of the rules in
 * force, their store entries and what they publish are those of a pipeline without variants.
 */
public final class Lanes {

    public static final String VARIANT_MARK = "@";
    private static final String SEPARATOR = "|";

    private Lanes() {
    }

    /** The sum key of {@code sumKey} in the lane of {@code variant}. */
    public static String variantKey(String variant, String sumKey) {
        return VARIANT_MARK + variant + SEPARATOR + sumKey;
    }

    /** A year's sums split by lane. */
    public record LaneSums<M>(Map<String, M> inForce, SortedMap<String, Map<String, M>> variants) {
    }

    /** Splits a year's sums, keyed as the contributions key their amounts, into the lanes. */
    public static <M> LaneSums<M> split(Map<String, M> sums) {
        Map<String, M> inForce = new TreeMap<>();
        SortedMap<String, Map<String, M>> variants = new TreeMap<>();
        sums.forEach((key, sum) -> {
            if (key.startsWith(VARIANT_MARK)) {
                int end = key.indexOf(SEPARATOR);
                variants.computeIfAbsent(key.substring(VARIANT_MARK.length(), end), name -> new TreeMap<>())
                        .put(key.substring(end + 1), sum);
            } else {
                inForce.put(key, sum);
            }
        });
        return new LaneSums<>(inForce, variants);
    }

    /**
     * A classified record as it would be under each variant: a copy with the codes and version of
     * that variant ({@code variantCodes}, {@code variantVersions}, common to every classified
     * record schema) in place of those in force, so that the family's own contribution applies.
     */
    @SuppressWarnings("unchecked")
    public static <V extends SpecificRecordBase> Map<String, V> underVariants(V record) {
        Map<String, List<String>> codes = (Map<String, List<String>>) record.get("variantCodes");
        if (codes == null || codes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> versions = (Map<String, String>) record.get("variantVersions");
        Map<String, V> copies = new TreeMap<>();
        codes.forEach((name, variantCodes) -> {
            V copy = shallowCopy(record);
            copy.put("codes", variantCodes);
            copy.put("concordanceVersion", versions == null ? "" : versions.getOrDefault(name, ""));
            copy.put("variantCodes", Map.of());
            copy.put("variantVersions", Map.of());
            copies.put(name, copy);
        });
        return Collections.unmodifiableMap(copies);
    }

    /** A shallow copy: only the fields replaced afterwards differ from the original, which stays as it was. */
    @SuppressWarnings("unchecked")
    private static <V extends SpecificRecordBase> V shallowCopy(V record) {
        V copy = (V) SpecificData.get().newRecord(null, record.getSchema());
        for (Schema.Field field : record.getSchema().getFields()) {
            copy.put(field.pos(), record.get(field.pos()));
        }
        return copy;
    }
}
