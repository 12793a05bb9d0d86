package eu.emistreams.bench.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time (user and system) each stack process spent between two moments: where a phase's time
 * goes on a machine whose cores all processes share.
 */
public final class ProcessCpu {

    private final Map<String, ProcessHandle> processes;
    private final Map<String, Duration> start;

    private ProcessCpu(Map<String, ProcessHandle> processes) {
        this.processes = processes;
        this.start = now(processes);
    }

    /** Starts counting from now. */
    public static ProcessCpu from(Map<String, ProcessHandle> processes) {
        return new ProcessCpu(processes);
    }

    /** CPU seconds per process since {@link #from}, largest first. */
    public Map<String, Double> secondsSinceStart() {
        Map<String, Duration> end = now(processes);
        Map<String, Double> spent = new LinkedHashMap<>();
        end.forEach((name, cpu) -> spent.put(name, cpu.minus(start.getOrDefault(name, Duration.ZERO)).toMillis() / 1000.0));
        return spent.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** "ingest-service 20.1, kafka 6.3, ... (total 40.2 CPU s)". */
    public static String describe(Map<String, Double> seconds) {
        double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        return seconds.entrySet().stream().map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + String.format(" (total %.1f CPU s)", total);
    }

    private static Map<String, Duration> now(Map<String, ProcessHandle> processes) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        processes.forEach((name, process) -> process.info().totalCpuDuration().ifPresent(d -> cpu.put(name, d)));
        return cpu;
    }
}
