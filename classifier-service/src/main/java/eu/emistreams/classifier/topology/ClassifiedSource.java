package eu.emistreams.classifier.topology;

import eu.emistreams.classifier.rules.Classifier;
import java.util.function.BiFunction;
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
        BiFunction<V, Classifier, C> classification) {

    C classify(V record, Classifier classifier) {
        return classification.apply(record, classifier);
    }
}
