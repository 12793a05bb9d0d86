package eu.emistreams.bench.pipeline;

import eu.emistreams.stack.process.FreePorts;
import eu.emistreams.bench.BenchException;
import eu.emistreams.stack.LocalStack;
import eu.emistreams.stack.StackException;
import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.process.ManagedProcess;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack the benchmark measures: the same processes as {@code ./emi up} (broker, registry and
 * the four services), with a data directory of its own and free loopback ports, so that it never
 * touches a developer's stack. {@link #close()} stops exactly what it started, and deletes its data
 * only when told to: after a failure the logs and state stay for a look.
 */
public final class BenchStack implements AutoCloseable {

    private final LocalStack stack;
    /** Stops the stack when the JVM ends first (Ctrl-C), so that no process outlives the run. */
    private final Thread stopAtExit = new Thread(this::stopProcesses, "bench-stack-stop");
    private volatile boolean deleteDataOnClose;
    private boolean started;

    private BenchStack(LocalStack stack) {
        this.stack = stack;
    }

    /** Starts every process and waits until each is ready. */
    public static BenchStack start(Path repositoryRoot, Path dataDirectory, PrintStream log) {
        int[] ports = FreePorts.take(7);
        StackSettings settings = new StackSettings(repositoryRoot, dataDirectory.toAbsolutePath(), ports[0], ports[1],
                ports[2], ports[3], ports[4], ports[5], ports[6]);
        BenchStack bench = new BenchStack(new LocalStack(settings, log));
        bench.started = true;
        Runtime.getRuntime().addShutdownHook(bench.stopAtExit);
        try {
            bench.stack.up(true);
        } catch (StackException e) {
            bench.close();
            throw new BenchException("the benchmark stack did not start: " + e.getMessage(), e);
        }
        return bench;
    }

    public StackSettings settings() {
        return stack.settings();
    }

    /** The running processes by name, in start order. */
    public Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        for (ManagedProcess process : stack.components().all(true)) {
            process.running().ifPresent(handle -> processes.put(process.name(), handle));
        }
        return processes;
    }

    /** Log files of the processes, for a failure message. */
    public List<Path> logFiles() {
        List<Path> logs = new ArrayList<>();
        stack.components().all(true).forEach(process -> logs.add(process.logFile()));
        return logs;
    }

    public void deleteDataOnClose(boolean delete) {
        this.deleteDataOnClose = delete;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the stack
        }
        stopProcesses();
    }

    private synchronized void stopProcesses() {
        if (started) {
            started = false;
            stack.down(deleteDataOnClose);
        }
    }
}
