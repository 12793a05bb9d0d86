package eu.emistreams.ingest.testing;

import eu.emistreams.ingest.publish.EventSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * An {@link EventSink} that keeps what was sent, in order, and can be told to fail: what a unit
 * test needs to see what a run would have published to Kafka.
 */
public final class RecordingSink implements EventSink {

    public record Sent(String topic, String key, SpecificRecord value) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private boolean failFlush;
    private int failAfterSends = -1;

    @Override
    public void send(String topic, String key, SpecificRecord value) {
        if (failAfterSends == 0) {
            throw new PublishException("test: the broker is gone", null);
        }
        if (failAfterSends > 0) {
            failAfterSends--;
        }
        sent.add(new Sent(topic, key, value));
    }

    @Override
    public void flush() {
        if (failFlush) {
            throw new PublishException("test: acknowledgements never came", null);
        }
    }

    @Override
    public void close() {
        // nothing held
    }

    /** Every flush from now on fails, as when the broker stops acknowledging. */
    public void failFlush() {
        failFlush = true;
    }

    /** Sends fail once this many more succeeded. */
    public void failAfterSends(int sends) {
        failAfterSends = sends;
    }

    public List<Sent> sent() {
        return sent;
    }

    public List<Sent> sent(String topic) {
        return sent.stream().filter(s -> s.topic().equals(topic)).toList();
    }

    /** What a compacted topic holds after these sends: the last value per key, tombstones removing it. */
    public static Map<String, SpecificRecord> compacted(List<Sent> sends) {
        Map<String, SpecificRecord> view = new LinkedHashMap<>();
        for (Sent s : sends) {
            if (s.value() == null) {
                view.remove(s.key());
            } else {
                view.put(s.key(), s.value());
            }
        }
        return view;
    }
}
