package eu.emistreams.stack.container;

import eu.emistreams.stack.StackException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The container engine's command line: podman (the engine of machines without a Docker daemon) or
 * docker, whichever answers first, or the one EMI_CONTAINER_ENGINE names. Images are built and
 * containers run through it; no daemon API is needed.
 */
public final class ContainerEngine {

    static final String SETUP_HINT = "deploy/containers/setup-podman.sh sets podman up on Debian";

    private final String command;

    private ContainerEngine(String command) {
        this.command = command;
    }

    /** The engine to use, or a one-line reason why there is none. */
    public static ContainerEngine require() {
        String chosen = System.getenv("EMI_CONTAINER_ENGINE");
        List<String> candidates = chosen != null && !chosen.isBlank() ? List.of(chosen.trim()) : List.of("podman", "docker");
        List<String> reasons = new ArrayList<>();
        for (String candidate : candidates) {
            Optional<String> problem = probe(candidate);
            if (problem.isEmpty()) {
                return new ContainerEngine(candidate);
            }
            reasons.add(problem.get());
        }
        throw new StackException("no container engine answers (" + String.join("; ", reasons) + "); " + SETUP_HINT);
    }

    /** The engine if one answers, for callers that have another way to go. */
    public static Optional<ContainerEngine> find() {
        try {
            return Optional.of(require());
        } catch (StackException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> probe(String candidate) {
        try {
            Process process = new ProcessBuilder(candidate, "version", "--format", "{{.Server.Version}}")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(candidate + " does not answer within 30 s");
            }
            return process.exitValue() == 0 ? Optional.empty()
                    : Optional.of(candidate + ": " + lastLine(output));
        } catch (IOException e) {
            return Optional.of(candidate + " is not installed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    public String command() {
        return command;
    }

    /** Runs one engine command and returns its standard output; a failure throws with its last error line. */
    public String run(List<String> arguments) {
        Result result = tryRun(arguments, Duration.ofMinutes(10));
        if (result.exitCode() != 0) {
            throw new StackException(command + " " + arguments.get(0) + " failed: " + lastLine(result.output()));
        }
        return result.output();
    }

    public Result tryRun(List<String> arguments, Duration timeout) {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(arguments);
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            // Read before waiting: an engine writing more than a pipe buffer would block otherwise.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StackException(String.join(" ", line) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), output.trim());
        } catch (IOException e) {
            throw new StackException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while running " + command);
        }
    }

    /** Runs a long command (an image build) with its output appended to {@code log}. */
    public void runLogged(List<String> arguments, Path log) {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(arguments);
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (process.waitFor() != 0) {
                throw new StackException(command + " " + String.join(" ", arguments.subList(0, Math.min(2,
                        arguments.size()))) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new StackException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while running " + command);
        }
    }

    public boolean imageExists(String image) {
        return tryRun(List.of("image", "inspect", "--format", "{{.Id}}", image), Duration.ofSeconds(30))
                .exitCode() == 0;
    }

    /** The state of a container ("running", "exited", ...) or empty when there is none of that name. */
    public Optional<String> containerState(String name) {
        Result result = tryRun(List.of("container", "inspect", "--format", "{{.State.Status}}", name),
                Duration.ofSeconds(30));
        return result.exitCode() == 0 ? Optional.of(result.output().trim()) : Optional.empty();
    }

    static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "no output" : lines[lines.length - 1].strip();
    }

    public record Result(int exitCode, String output) {
    }
}
