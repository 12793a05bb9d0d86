package eu.emistreams.stack.process;

import eu.emistreams.stack.StackException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server process of the local stack: started detached with its output in a log file, and
 * remembered by a PID file that also holds the process start time, so that {@code down} stops
 * exactly the process it started and never a later process that reused the PID.
 */
public final class ManagedProcess {

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDir;
    private final Path logFile;
    private final Path pidFile;
    private final Readiness readiness;

    public ManagedProcess(String name, int port, List<String> command, Map<String, String> environment,
            Path workingDir, Path logFile, Path pidFile, Readiness readiness) {
        this.name = name;
        this.port = port;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDir = workingDir;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.readiness = readiness;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    /** The process this stack started and that is still alive, if any. */
    public Optional<ProcessHandle> running() {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(pidFile, StandardCharsets.UTF_8).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (handle.isEmpty()) {
                return Optional.empty();
            }
            if (parts.length > 1) {
                Instant recorded = Instant.parse(parts[1]);
                Optional<Instant> actual = handle.get().info().startInstant();
                // Start times are rounded differently by /proc and Instant.now(); a second is plenty.
                if (actual.isPresent() && Duration.between(recorded, actual.get()).abs().toSeconds() > 5) {
                    return Optional.empty();
                }
            }
            return handle;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public ProcessHandle start() {
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            ProcessHandle handle = process.toHandle();
            Instant started = handle.info().startInstant().orElse(Instant.now());
            Files.writeString(pidFile, handle.pid() + " " + started + "\n", StandardCharsets.UTF_8);
            return handle;
        } catch (IOException e) {
            throw new StackException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public boolean isReady() {
        return readiness.isReady();
    }

    /** Waits for readiness; fails early with the log's last lines when the process dies. */
    public void awaitReady(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!handle.isAlive()) {
                throw new StackException(name + " exited during start-up; see " + logFile + lastLines());
            }
            if (readiness.isReady()) {
                return;
            }
            sleep(250);
        }
        throw new StackException(name + " was not ready after " + timeout.toSeconds() + " s; see " + logFile
                + lastLines());
    }

    /** SIGTERM, then SIGKILL after the grace period; removes the PID file. */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> handle = running();
        boolean stopped = false;
        if (handle.isPresent()) {
            ProcessHandle process = handle.get();
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            long deadline = System.nanoTime() + grace.toNanos();
            while (process.isAlive() && System.nanoTime() < deadline) {
                sleep(100);
            }
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                long killDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (process.isAlive() && System.nanoTime() < killDeadline) {
                    sleep(100);
                }
            }
            stopped = true;
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new StackException("cannot remove " + pidFile + ": " + e.getMessage(), e);
        }
        return stopped;
    }

    private String lastLines() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size());
            return tail.isEmpty() ? "" : "\n  | " + String.join("\n  | ", tail);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
