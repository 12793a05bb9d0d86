package eu.emistreams.classifier.topology;

import eu.emistreams.classifier.rules.Classifier;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rules a classifying task applies: those in force and each variant rule set loaded beside
 * them, by variant name.
 */
record RuleSets(Classifier inForce, SortedMap<String, Classifier> variants) {

    private static final String VARIANT_SEPARATOR = ";";
    private static final String NAME_SEPARATOR = "=";

    RuleSets {
        variants = Collections.unmodifiableSortedMap(new TreeMap<>(variants));
    }

    static RuleSets inForceOnly(Classifier inForce) {
        return new RuleSets(inForce, new TreeMap<>());
    }

    /**
     * What the task's progress store keeps as applied: the version in force alone while no variant
     * is loaded (what the store held before variants existed, so that no task re-emits on upgrade),
     * followed by {@code ;name=version} per variant, by name.
     */
    String signature() {
        StringBuilder signature = new StringBuilder(inForce.version());
        variants.forEach((name, variant) ->
                signature.append(VARIANT_SEPARATOR).append(name).append(NAME_SEPARATOR).append(variant.version()));
        return signature.toString();
    }

    /** The version in force of a {@link #signature}. */
    static String inForceVersionOf(String signature) {
        int end = signature.indexOf(VARIANT_SEPARATOR);
        return end < 0 ? signature : signature.substring(0, end);
    }

    /** The variant versions of a {@link #signature}, by name. */
    static SortedMap<String, String> variantVersionsOf(String signature) {
        SortedMap<String, String> versions = new TreeMap<>();
        String[] parts = signature.split(VARIANT_SEPARATOR);
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf(NAME_SEPARATOR);
            versions.put(parts[i].substring(0, equals), parts[i].substring(equals + 1));
        }
        return versions;
    }

    Map<String, String> variantVersions() {
        SortedMap<String, String> versions = new TreeMap<>();
        variants.forEach((name, variant) -> versions.put(name, variant.version()));
        return versions;
    }
}
