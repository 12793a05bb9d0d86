package eu.emistreams.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The deploy step of the local stack that registers the schemas before the services start (they
 * do not register any: {@code emi.registry.auto-register=false}). It runs the schemas module's
 * {@code eu.emistreams.events.registry.SchemaDeployment} in a JVM of its own on that module's
 * classpath, as {@code ./emi subscribe} runs the example subscriber: the launcher does not depend
 * on the schemas jar. An incompatible schema stops {@code up} with the registry's reason.
 */
public final class SchemaDeploymentStep {

    private static final String MAIN = "eu.emistreams.events.registry.SchemaDeployment";

    private SchemaDeploymentStep() {
    }

    /** Files the step needs: the schemas jar and its runtime classpath. */
    public static List<Path> requiredArtifacts(StackSettings settings) {
        return List.of(runtimeClasspath(settings), schemasJar(settings));
    }

    /** Registers every schema in the registry of {@code settings}; its log is logs/schema-deployment.log. */
    public static void run(StackSettings settings) {
        Path log = settings.logDir().resolve("schema-deployment.log");
        try {
            Files.createDirectories(log.getParent());
            String classpath = schemasJar(settings) + java.io.File.pathSeparator
                    + Files.readString(runtimeClasspath(settings), StandardCharsets.UTF_8).trim();
            Process deployment = new ProcessBuilder(StackComponents.java(), "-Xmx128m", "-cp", classpath, MAIN,
                    settings.registryUrl())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            if (!deployment.waitFor(4, TimeUnit.MINUTES)) {
                deployment.destroyForcibly();
                throw new StackException("registering the schemas did not finish within 4 minutes; see " + log);
            }
            if (deployment.exitValue() != 0) {
                String output = Files.readString(log, StandardCharsets.UTF_8).strip();
                throw new StackException("registering the schemas failed: "
                        + output.lines().reduce((first, second) -> second).orElse("(no output)") + " (" + log + ")");
            }
        } catch (IOException e) {
            throw new StackException("cannot register the schemas: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while registering the schemas");
        }
    }

    private static Path runtimeClasspath(StackSettings settings) {
        return settings.repositoryRoot().resolve("schemas/target/runtime.classpath");
    }

    private static Path schemasJar(StackSettings settings) {
        Path target = settings.repositoryRoot().resolve("schemas/target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                return files.filter(file -> file.getFileName().toString().matches("schemas-.*\\.jar")
                                && !file.getFileName().toString().contains("-sources")
                                && !file.getFileName().toString().contains("-tests"))
                        .findFirst().orElse(target.resolve("schemas.jar"));
            } catch (IOException e) {
                throw new StackException("cannot list " + target + ": " + e.getMessage(), e);
            }
        }
        return target.resolve("schemas.jar");
    }
}
