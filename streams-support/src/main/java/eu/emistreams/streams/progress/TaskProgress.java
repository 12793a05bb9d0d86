package eu.emistreams.streams.progress;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.progress.StageProgress;
import java.util.Objects;
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
 * <p>The processor's other children must be forwarded to by name: a forward without a child name
 * reaches the progress sink too.
 */
public final class TaskProgress {

    public static final String CLASSIFIER = "classifier";
    public static final String INDICATOR = "indicator";

    private final String stage;
    private final String processor;
    private final String sinkName;
    private ProcessorContext<?, ?> context;
    private String key;
    private String task;
    /** What this task last wrote since {@link #init}; null before its first report. */
    private StageProgress written;

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
    }

    /** Writes the task's state unless it equals the last one written. */
    public void report(boolean pending, String detail, String concordanceVersion) {
        String shown = pending ? detail : "";
        if (written != null && written.getPending() == pending && written.getDetail().equals(shown)
                && Objects.equals(written.getConcordanceVersion(), concordanceVersion)) {
            return;
        }
        long now = context.currentSystemTimeMs();
        StageProgress progress = new StageProgress(stage, processor, task, pending, shown, concordanceVersion, now);
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
