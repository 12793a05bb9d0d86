package eu.emistreams.classifier.topology;

import eu.emistreams.classifier.rules.Classifier;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;

/**
 * One source the classifier tags: the topic it reads and the one it writes, the names of its
 * table, progress store and processors (a contract with the state of running instances: renaming
 * one rebuilds it), and how one record is classified. {@code classify} answers null for a record
 * the contract does not count, which goes out as a tombstone.
 */
record ClassifiedSource<V, C>(
        String sourceTopic,
        String sinkTopic,
        String tableStore,
        String progressStore,
        String sourceName,
        String changesName,
        String classifyName,
        String sinkName,
        Serde<V> records,
        Serde<C> classified,
        BiFunction<V, Classifier, C> classification,
        Function<C, List<String>> codesOf,
        VariantTagging<C> variantTagging) {

    /** Sets the codes a classified record carries under each variant, and the variants' versions. */
    @FunctionalInterface
    interface VariantTagging<C> {
        void tag(C classified, Map<String, List<String>> codes, Map<String, String> versions);
    }

    C classify(V record, Classifier classifier) {
        return classification.apply(record, classifier);
    }

    /**
     * The record classified under the rules in force, carrying its codes under every variant
     * (classified by the same method, so that a variant differs from the rules in force by its
     * rules alone).
     */
    C classify(V record, RuleSets rules) {
        C classified = classify(record, rules.inForce());
        if (classified == null || rules.variants().isEmpty()) {
            return classified;
        }
        Map<String, List<String>> codes = new java.util.TreeMap<>();
        Map<String, String> versions = new java.util.TreeMap<>();
        rules.variants().forEach((name, variant) -> {
            C underVariant = classify(record, variant);
            codes.put(name, underVariant == null ? List.of() : codesOf.apply(underVariant));
            versions.put(name, variant.version());
        });
        variantTagging.tag(classified, codes, versions);
        return classified;
    }
}
