package eu.emistreams.bench.pipeline;

import eu.emistreams.bench.BenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole stack's resident memory: every {@code interval} the sum of {@code VmRSS} over its
 * processes, and the highest sum seen. Each process's own peak ({@code VmHWM}) is kept as well;
 * their sum bounds the true peak from above, as the sampled peak bounds it from below.
 */
public final class MemorySampler implements AutoCloseable {

    private final Map<String, ProcessHandle> processes;
    private final Duration interval;
    private final AtomicLong peakKilobytes = new AtomicLong();
    private final Map<String, Long> highWaterKilobytes = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private MemorySampler(Map<String, ProcessHandle> processes, Duration interval) {
        this.processes = Map.copyOf(processes);
        this.interval = interval;
        this.thread = new Thread(this::sampleUntilClosed, "bench-memory-sampler");
        this.thread.setDaemon(true);
    }

    public static MemorySampler start(Map<String, ProcessHandle> processes, Duration interval) {
        if (!Files.isRegularFile(Path.of("/proc/self/status"))) {
            throw new BenchException("measuring resident memory needs Linux's /proc");
        }
        if (processes.isEmpty()) {
            throw new BenchException("no stack process to measure");
        }
        MemorySampler sampler = new MemorySampler(processes, interval);
        sampler.sampleOnce();
        sampler.thread.start();
        return sampler;
    }

    private void sampleUntilClosed() {
        while (running) {
            sampleOnce();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleOnce() {
        long total = 0;
        for (ProcessHandle process : processes.values()) {
            total += statusField(process.pid(), "VmRSS").orElse(0);
        }
        peakKilobytes.accumulateAndGet(total, Math::max);
        synchronized (highWaterKilobytes) {
            processes.forEach((name, process) -> statusField(process.pid(), "VmHWM")
                    .ifPresent(kb -> highWaterKilobytes.merge(name, kb, Math::max)));
        }
    }

    /** The highest sampled sum of the processes' resident memory, in MiB. */
    public long peakMebibytes() {
        return peakKilobytes.get() / 1024;
    }

    /** Each process's own peak resident memory, in MiB. */
    public Map<String, Long> highWaterMebibytes() {
        Map<String, Long> copy = new LinkedHashMap<>();
        synchronized (highWaterKilobytes) {
            highWaterKilobytes.forEach((name, kb) -> copy.put(name, kb / 1024));
        }
        return copy;
    }

    /** Stops sampling after a last sample; closing again does nothing. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleOnce();
    }

    /** A {@code kB} field of {@code /proc/<pid>/status}, or empty when the process is gone. */
    static OptionalLong statusField(long pid, String field) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8);
            return parseStatusField(lines, field);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong parseStatusField(List<String> lines, String field) {
        for (String line : lines) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }
}
