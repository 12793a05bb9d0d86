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
            // Alive here includes a process that is dying from a kill: its PID, and its ports until
            // its last thread has gone, are still this stack's (see awaitReadyOrEnd).
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

    /**
     * Alive and not a zombie: a process killed a moment ago stays in the process table, and
     * {@link ProcessHandle#isAlive()} true, until its new parent reaps it.
     */
    static boolean isLive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.US_ASCII);
            // Field 3, after the parenthesised command name (which may itself hold spaces or parentheses).
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or the process just went: isAlive() decides.
            return process.isAlive();
        }
    }

    /**
     * For a process found running: waits until it answers (true) or ends (false). A process killed
     * a moment ago still holds its PID; one started by another launcher a moment ago does not answer
     * yet. Either way only the outcome tells whether it must be started again.
     */
    public boolean awaitReadyOrEnd(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isLive(handle)) {
                awaitGone(handle);
                return false;
            }
            if (readiness.isReady()) {
                return true;
            }
            sleep(100);
        }
        throw new StackException(name + " (pid " + handle.pid() + ") is running but was not ready after "
                + timeout.toSeconds() + " s; see " + logFile + lastLines());
    }

    /**
     * A killed JVM is a zombie as soon as its main thread has gone, but holds its sockets until the
     * last of its threads has; it is gone when its new parent has reaped it (well under a second).
     */
    private void awaitGone(ProcessHandle handle) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (handle.isAlive() && System.nanoTime() < deadline) {
            sleep(50);
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
            if (!isLive(handle)) {
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
