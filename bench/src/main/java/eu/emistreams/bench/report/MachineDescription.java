package eu.emistreams.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the numbers were measured on: CPU, cores, memory, system, Java, and how busy the machine was. */
public final class MachineDescription {

    private MachineDescription() {
    }

    public static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", procField(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory_mib", procField(Path.of("/proc/meminfo"), "MemTotal")
                .map(total -> Long.parseLong(total.split("\\s+")[0]) / 1024).orElse(null));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        machine.put("load_average_at_start", load < 0 ? null : Math.round(load * 100) / 100.0);
        return machine;
    }

    /** One line for the results table. */
    public static String summary(Map<String, Object> machine) {
        Object memory = machine.get("memory_mib");
        return machine.get("cores") + " cores " + machine.get("cpu")
                + (memory == null ? "" : ", " + Math.round(((Number) memory).doubleValue() / 1024) + " GiB")
                + ", " + machine.get("java")
                + (machine.get("load_average_at_start") == null ? "" : ", load " + machine.get("load_average_at_start"));
    }

    static Optional<String> procField(Path file, String field) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(field)) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException e) {
            // not Linux: the field stays unknown
        }
        return Optional.empty();
    }
}
