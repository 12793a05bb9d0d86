package eu.emistreams.query.serving;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * A number that moves on after anything that can change what this instance answers: a write to
 * the indicators store (the topology calls {@link #advance()} downstream of it), a restore of a
 * store, and every change of the Streams state (a rebalance moves partitions in and out). An
 * answer computed while the number was {@code g} is current for as long as it is still {@code g}.
 *
 * <p>Quarkus registers this bean as the Streams state and restore listener.
 */
@ApplicationScoped
public class StoreGeneration implements KafkaStreams.StateListener, StateRestoreListener {

    private final AtomicLong generation = new AtomicLong();

    public long current() {
        return generation.get();
    }

    public void advance() {
        generation.incrementAndGet();
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        advance();
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        advance();
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        advance();
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        advance();
    }
}
