package eu.emistreams.classifier.topology;

import eu.emistreams.classifier.concordance.ConcordanceRecords;
import eu.emistreams.classifier.rules.Classifier;
import eu.emistreams.classifier.rules.MalformedConcordanceException;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.concordance.Concordance;
import eu.emistreams.streams.progress.TaskProgress;
import eu.emistreams.events.VariantNames;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.jboss.logging.Logger;

/**
 * Classifies each upsert of one source under the concordance in force and, when that concordance
 * changes, re-emits every record of the task's store under the new one, in batches, before
 * recording the new version as applied. Downstream treats every emission as an upsert of the
 * record, so a re-emission replaces and never adds. A tombstone, or a record the source's rules do
 * not count, goes out as a tombstone.
 *
 * <p>The concordance in force is read from the global store on a wall-clock punctuation, not per
 * record: reading it deserialises the whole rule set.
 *
 * <p>After each punctuation the task's entry on emi.progress ({@link TaskProgress}, through the
 * child {@code <processor>-progress-sink}) says which version it has applied, whether a
 * re-classification is under way and how far it has read its source partition; the classified
 * records go to the source's sink by name.
 */
final class ClassificationProcessor<V, C> implements Processor<String, V, String, C> {

    /** Progress store key: the version every record of the task was last emitted under. */
    static final String APPLIED = "applied";
    /** Progress store key: the version a re-classification under way is applying. */
    static final String REAPPLYING = "reapplying";
    /** Progress store key: the last key re-emitted by the re-classification under way. */
    static final String CURSOR = "cursor";

    private static final Logger LOG = Logger.getLogger(ClassificationProcessor.class);

    private final ClassifiedSource<V, C> source;
    private final Classifier shipped;
    private final AppliedConcordances applied;
    private final ReclassificationSettings settings;

    private ProcessorContext<String, C> context;
    private String taskId;
    private KeyValueStore<String, ValueAndTimestamp<V>> records;
    private KeyValueStore<String, String> progress;
    private KeyValueStore<String, ValueAndTimestamp<Concordance>> concordances;
    private Classifier inForce;
    /** The published record {@link #inForce} was compiled from, or refused; null for the shipped rules. */
    private Concordance lastRecordSeen;
    /** The variant rule sets loaded, compiled, by name, with the record each was compiled from. */
    private final Map<String, CompiledVariant> variants = new TreeMap<>();
    /** The rules in force and the variants: what every record is classified under. */
    private RuleSets rules;

    private final TaskProgress taskProgress;

    private record CompiledVariant(Concordance record, Classifier classifier) {
    }

    ClassificationProcessor(ClassifiedSource<V, C> source, Classifier shipped, AppliedConcordances applied,
            ReclassificationSettings settings) {
        this.source = source;
        this.shipped = shipped;
        this.applied = applied;
        this.settings = settings;
        this.taskProgress = new TaskProgress(TaskProgress.CLASSIFIER, source.classifyName());
    }

    @Override
    public void init(ProcessorContext<String, C> context) {
        this.context = context;
        this.taskId = context.taskId().toString();
        this.records = context.getStateStore(source.tableStore());
        this.progress = context.getStateStore(source.progressStore());
        this.concordances = context.getStateStore(ClassifierTopology.CONCORDANCE_STORE);
        this.rules = readRuleSets();
        String appliedSignature = progress.get(APPLIED);
        if (appliedSignature == null && isEmpty(records)) {
            // A new task: everything it will emit is classified under the rules in force from now on.
            appliedSignature = rules.signature();
            progress.put(APPLIED, appliedSignature);
        }
        if (appliedSignature == null) {
            applied.forget(taskId, source.classifyName());
        } else {
            applied.applied(taskId, source.classifyName(), RuleSets.inForceVersionOf(appliedSignature));
        }
        // The first punctuation writes the task's progress whatever it is: the task may be new here.
        taskProgress.init(context);
        context.schedule(settings.checkInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
            reclassifyIfChanged(now);
            reportProgress();
        });
    }

    @Override
    public void process(Record<String, V> record) {
        V value = record.value();
        context.forward(record.withValue(value == null ? null : source.classify(value, rules)), source.sinkName());
        taskProgress.recordProcessed();
    }

    @Override
    public void close() {
        applied.forget(taskId, source.classifyName());
    }

    /**
     * Brings the task up to the concordance in force and the variants loaded: at most one batch of
     * re-emissions per call, resuming after the last key re-emitted, restarting when the rules
     * changed again. A variant loaded or dropped re-emits the records like a new concordance in
     * force: each record carries its codes under every variant, so the re-emission is the change.
     */
    void reclassifyIfChanged(long now) {
        rules = readRuleSets();
        String target = rules.signature();
        if (target.equals(progress.get(APPLIED))) {
            applied.applied(taskId, source.classifyName(), rules.inForce().version());
            return;
        }
        String cursor = null;
        if (target.equals(progress.get(REAPPLYING))) {
            cursor = progress.get(CURSOR);
        } else {
            LOG.infof("task %s: re-classifying its %s under rules %s", taskId, source.tableStore(), target);
            progress.put(REAPPLYING, target);
            progress.delete(CURSOR);
        }
        int emitted = 0;
        String lastKey = null;
        boolean finished;
        try (KeyValueIterator<String, ValueAndTimestamp<V>> entries =
                cursor == null ? records.all() : records.range(cursor, null)) {
            while (emitted < settings.batchSize() && entries.hasNext()) {
                KeyValue<String, ValueAndTimestamp<V>> entry = entries.next();
                if (entry.key.equals(cursor) || entry.value == null || entry.value.value() == null) {
                    continue;
                }
                context.forward(new Record<>(entry.key, source.classify(entry.value.value(), rules), now),
                        source.sinkName());
                lastKey = entry.key;
                emitted++;
            }
            finished = !entries.hasNext();
        }
        if (finished) {
            progress.put(APPLIED, target);
            progress.delete(REAPPLYING);
            progress.delete(CURSOR);
            applied.applied(taskId, source.classifyName(), rules.inForce().version());
            LOG.infof("task %s: rules %s applied", taskId, target);
        } else {
            progress.put(CURSOR, lastKey);
        }
    }

    private void reportProgress() {
        String appliedSignature = progress.get(APPLIED);
        String target = rules.signature();
        taskProgress.report(!target.equals(appliedSignature), "re-classifying its records under concordance " + target,
                appliedSignature == null ? null : RuleSets.inForceVersionOf(appliedSignature),
                appliedSignature == null ? Map.of() : RuleSets.variantVersionsOf(appliedSignature));
    }

    private RuleSets readRuleSets() {
        inForce = readConcordanceInForce();
        SortedMap<String, Classifier> loaded = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        try (KeyValueIterator<String, ValueAndTimestamp<Concordance>> entries =
                concordances.range(EventTopics.VARIANT_KEY_PREFIX, EventTopics.VARIANT_KEY_PREFIX + "~")) {
            while (entries.hasNext()) {
                KeyValue<String, ValueAndTimestamp<Concordance>> entry = entries.next();
                Optional<String> name = VariantNames.ofConcordanceKey(entry.key);
                Concordance record = entry.value == null ? null : entry.value.value();
                if (name.isEmpty() || record == null) {
                    continue;
                }
                seen.add(name.get());
                CompiledVariant compiled = variants.get(name.get());
                if (compiled == null || !compiled.record().equals(record)) {
                    compiled = compileVariant(name.get(), record);
                    if (compiled == null) {
                        continue;
                    }
                    variants.put(name.get(), compiled);
                }
                loaded.put(name.get(), compiled.classifier());
            }
        }
        variants.keySet().retainAll(seen);
        return new RuleSets(inForce, loaded);
    }

    private static CompiledVariant compileVariant(String name, Concordance record) {
        try {
            return new CompiledVariant(record, Classifier.compile(ConcordanceRecords.toRuleSet(record)));
        } catch (MalformedConcordanceException e) {
            // Only PUT /api/concordance/variants validates and publishes; a bad one is left out.
            LOG.errorf("ignoring the published variant %s (%s): %s", name, record.getVersion(), e.getMessage());
            return null;
        }
    }

    private static boolean isEmpty(KeyValueStore<String, ?> store) {
        try (KeyValueIterator<String, ?> entries = store.all()) {
            return !entries.hasNext();
        }
    }

    private Classifier readConcordanceInForce() {
        ValueAndTimestamp<Concordance> stored = concordances.get(EventTopics.CONCORDANCE_KEY);
        Concordance record = stored == null ? null : stored.value();
        if (record == null) {
            lastRecordSeen = null;
            return shipped;
        }
        if (inForce != null && record.equals(lastRecordSeen)) {
            return inForce;
        }
        lastRecordSeen = record;
        try {
            Classifier classifier = Classifier.compile(ConcordanceRecords.toRuleSet(record));
            if (!classifier.version().equals(record.getVersion())) {
                LOG.warnf("concordance %s was published as version %s but its rules hash to %s; using %s",
                        record.getName(), record.getVersion(), classifier.version(), classifier.version());
            }
            return classifier;
        } catch (MalformedConcordanceException e) {
            // Only PUT /api/concordance publishes, and it validates; keep the rules in force.
            LOG.errorf("ignoring the published concordance %s (%s): %s", record.getName(), record.getVersion(),
                    e.getMessage());
            return inForce == null ? shipped : inForce;
        }
    }
}
