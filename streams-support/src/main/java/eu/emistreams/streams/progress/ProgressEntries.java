package eu.emistreams.streams.progress;

import eu.emistreams.events.progress.StageProgress;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/** The latest entry per key of {@code emi.progress} as records of it are read; a tombstone removes its key. */
public final class ProgressEntries {

    private final Deserializer<StageProgress> deserializer;
    private final Map<String, StageProgress> entries = new HashMap<>();

    public ProgressEntries(Deserializer<StageProgress> deserializer) {
        this.deserializer = deserializer;
    }

    public void apply(ConsumerRecord<String, byte[]> record) {
        StageProgress entry = record.value() == null ? null
                : deserializer.deserialize(record.topic(), record.headers(), record.value());
        if (entry == null) {
            entries.remove(record.key());
        } else {
            entries.put(record.key(), entry);
        }
    }

    /** A copy of the entries held now. */
    public Map<String, StageProgress> snapshot() {
        return Map.copyOf(entries);
    }
}
