package eu.emistreams.streams.progress;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.progress.InputOffset;
import eu.emistreams.events.progress.StageProgress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * One task's entry on {@link EventTopics#PROGRESS}, keyed {@code stage/processor/task}: what the task
 * still holds unfinished. The processor forwards it to its progress sink, so that it belongs to
 * the same exactly-once transaction as the state it describes; the task's next owner overwrites
 * it, so no instance leaves a stale claim. Written when it changes, and once after each
 * {@link #init} (a task assigned, restored or moved), never per record otherwise.
 *
 * <p>A processor that calls {@link #recordProcessed} in {@code process} also says, per input
 * partition, the offset of the next record it will process ({@code inputOffsets}). The end offsets
 * are not known inside a topology, so a reader that needs "how many records wait before this task"
 * compares these with the end offsets of the (public) input topics: no reader needs another
 * group's committed offsets or the name of an internal topic. The offsets alone changing do not
 * make a write each record: they go out with the next report at least {@link #OFFSETS_INTERVAL}
 * after the last write, so they trail the task by about that much plus the processor's report
 * interval.
 *
 * <p>The processor's other children must be forwarded to by name: a forward without a child name
 * reaches the progress sink too.
 */
public final class TaskProgress {

    public static final String CLASSIFIER = "classifier";
    public static final String INDICATOR = "indicator";
    /** The least time between two writes that only move the input offsets forward. */
    public static final long OFFSETS_INTERVAL = 250;

    private final String stage;
    private final String processor;
    private final String sinkName;
    private ProcessorContext<?, ?> context;
    private String key;
    private String task;
    /** What this task last wrote since {@link #init}; null before its first report. */
    private StageProgress written;
    /** Per "topic/partition" (sorted, so that entries compare equal), the next offset to process. */
    private final Map<String, NextOffset> nextOffsets = new TreeMap<>();
    /** The entry of the partition of the last record: a task reads one or a few partitions. */
    private NextOffset lastPartition;

    /** Called for every record: a field update, no allocation, unless the partition changes. */
    private static final class NextOffset {
        final String topic;
        final int partition;
        long offset;

        NextOffset(String topic, int partition) {
            this.topic = topic;
            this.partition = partition;
        }

        InputOffset toRecord() {
            return new InputOffset(topic, partition, offset);
        }
    }

    public TaskProgress(String stage, String processor) {
        this.stage = stage;
        this.processor = processor;
        this.sinkName = sinkOf(processor);
    }

    /** The sink a processor's progress goes through. */
    public static String sinkOf(String processor) {
        return processor + "-progress-sink";
    }

    public static String key(String stage, String processor, String task) {
        return stage + "/" + processor + "/" + task;
    }

    /**
     * Adds the progress sink of {@code processor}, writing to {@code topic} ({@link EventTopics#PROGRESS}),
     * to a built topology: a child of that processor in its sub-topology, so that no other node,
     * store, internal topic or task of the topology changes.
     */
    public static void addSink(Topology topology, String processor, String topic, Serializer<StageProgress> serializer) {
        topology.addSink(sinkOf(processor), topic, new StringSerializer(), serializer, processor);
    }

    /** A task (re)starts: its first report is written whatever the topic holds. */
    public void init(ProcessorContext<?, ?> context) {
        this.context = context;
        this.task = context.taskId().toString();
        this.key = key(stage, processor, task);
        this.written = null;
        this.nextOffsets.clear();
        this.lastPartition = null;
    }

    /** The record being processed is done: its partition's next offset is the one after it. */
    public void recordProcessed() {
        // Absent for records a punctuation forwards; those have no input offset.
        context.recordMetadata().ifPresent(metadata -> {
            NextOffset entry = lastPartition;
            if (entry == null || entry.partition != metadata.partition() || !entry.topic.equals(metadata.topic())) {
                entry = nextOffsets.computeIfAbsent(metadata.topic() + "/" + metadata.partition(),
                        name -> new NextOffset(metadata.topic(), metadata.partition()));
                lastPartition = entry;
            }
            entry.offset = metadata.offset() + 1;
        });
    }

    /**
     * Writes the task's state unless it equals the last one written, or only its input offsets
     * moved and the last write is less than {@link #OFFSETS_INTERVAL} old. Called per record by
     * some processors: the offsets are only listed when a write may be due.
     */
    public void report(boolean pending, String detail, String concordanceVersion) {
        report(pending, detail, concordanceVersion, Map.of());
    }

    /**
     * As {@link #report(boolean, String, String)}, for a classifying task that also says under which
     * version of each variant rule set its records were last emitted.
     */
    public void report(boolean pending, String detail, String concordanceVersion, Map<String, String> variantVersions) {
        String shown = pending ? detail : "";
        long now = context.currentSystemTimeMs();
        boolean sameState = written != null && written.getPending() == pending && written.getDetail().equals(shown)
                && Objects.equals(written.getConcordanceVersion(), concordanceVersion)
                && written.getVariantVersions().equals(variantVersions);
        if (sameState && now - written.getUpdatedAt() < OFFSETS_INTERVAL) {
            return;
        }
        List<InputOffset> offsets = nextOffsets.values().stream().map(NextOffset::toRecord).toList();
        if (sameState && written.getInputOffsets().equals(offsets)) {
            return;
        }
        StageProgress progress = new StageProgress(stage, processor, task, pending, shown, concordanceVersion, now,
                offsets, new TreeMap<>(variantVersions));
        forward(new Record<>(key, progress, now));
        written = progress;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void forward(Record<String, StageProgress> record) {
        // The processor's declared output types are those of its main child; the progress sink
        // has its own serializers, and a named forward reaches it alone.
        ((ProcessorContext) context).forward(record, sinkName);
    }
}
