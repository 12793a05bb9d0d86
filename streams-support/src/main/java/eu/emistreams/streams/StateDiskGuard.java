package eu.emistreams.streams;

import eu.emistreams.events.DiskSpace;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Pauses the Kafka Streams client while the file system of its state directory has less free
 * space than {@code emi.state.min-free-space}, and resumes it once there is {@link #RESUME_FACTOR}
 * times that much again. A store write that failed on a full disk would kill the stream thread
 * mid-transaction (exactly-once would roll it back, but the thread dies again at once, and after
 * {@link ReplaceFailedStreamThreads#MAX_REPLACEMENTS} the client is shut down); a paused client
 * keeps its partitions and its group membership, consumes nothing, writes nothing, and carries on
 * from its last commit when resumed. Readiness says DOWN while paused, with the figures.
 */
@Readiness
@ApplicationScoped
public class StateDiskGuard implements HealthCheck {

    static final double RESUME_FACTOR = 1.25;
    private static final Logger LOG = Logger.getLogger(StateDiskGuard.class);

    private final Instance<KafkaStreams> streams;
    private final Path stateDirectory;
    private final long minFreeBytes;
    private final Duration interval;
    private ScheduledExecutorService checker;
    private volatile DiskSpace last;
    private volatile boolean pausedForSpace;

    public StateDiskGuard(Instance<KafkaStreams> streams,
            @ConfigProperty(name = "kafka-streams.state.dir") Path stateDirectory,
            @ConfigProperty(name = DiskSpace.MIN_FREE_KEY, defaultValue = DiskSpace.MIN_FREE_DEFAULT) MemorySize minFree,
            @ConfigProperty(name = "emi.state.disk-check-interval", defaultValue = "5s") Duration interval) {
        this.streams = streams;
        this.stateDirectory = stateDirectory;
        this.minFreeBytes = minFree.asLongValue();
        this.interval = interval;
    }

    void start(@Observes StartupEvent startup) {
        checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "emi-state-disk-guard");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (checker != null) {
            checker.shutdownNow();
        }
    }

    synchronized void check() {
        try {
            DiskSpace space = DiskSpace.of(stateDirectory, minFreeBytes);
            last = space;
            KafkaStreams client = streams.get();
            if (!pausedForSpace && space.low()) {
                client.pause();
                pausedForSpace = true;
                LOG.warnf("processing paused: %s; it resumes by itself at %s free", space.describe(),
                        DiskSpace.mebibytes((long) (minFreeBytes * RESUME_FACTOR)));
            } else if (pausedForSpace && space.roomy(RESUME_FACTOR)) {
                client.resume();
                pausedForSpace = false;
                LOG.infof("processing resumed: %s has %s free", stateDirectory, DiskSpace.mebibytes(space.usableBytes()));
            }
        } catch (IOException | RuntimeException e) {
            // A failed reading must not end the periodic check; the next one tries again.
            LOG.warnf("the free space of %s could not be read: %s", stateDirectory, e.getMessage());
        }
    }

    @Override
    public HealthCheckResponse call() {
        DiskSpace space = last;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("State disk space")
                .withData("path", stateDirectory.toAbsolutePath().toString())
                .withData("minFreeBytes", minFreeBytes);
        if (space == null) {
            return response.up().withData("reason", "not measured yet").build();
        }
        response.withData("usableBytes", space.usableBytes());
        if (pausedForSpace) {
            return response.down().withData("reason", "processing paused: " + space.describe()).build();
        }
        return response.up().build();
    }
}
