package eu.emistreams.stack.test;

import eu.emistreams.stack.process.FreePorts;
import eu.emistreams.stack.LocalStack;
import eu.emistreams.stack.StackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real broker and registry for tests: started once per test JVM on free loopback ports, with
 * its data under the module's {@code target/}, and stopped when the JVM exits. It runs the same
 * code as {@code ./emi up}, so tests exercise the stack users run. No Docker engine is needed.
 */
public final class TestStack {

    private static TestStack shared;

    private final LocalStack stack;

    private TestStack(LocalStack stack) {
        this.stack = stack;
    }

    /** The broker and registry shared by every test of this JVM, started on first use. */
    public static synchronized TestStack shared() {
        if (shared == null) {
            shared = start(false);
        }
        return shared;
    }

    /** A stack of its own, services included when asked; the caller stops it with {@link #stop()}. */
    public static TestStack start(boolean withServices) {
        Path moduleDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path root = StackSettings.findRepositoryRoot(moduleDir);
        Path data = moduleDir.resolve("target/emi-test-stack-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime()));
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] ports = FreePorts.take(7);
        StackSettings settings = new StackSettings(root, data, ports[0], ports[1], ports[2], ports[3], ports[4],
                ports[5], ports[6]);
        PrintStream log = System.out;
        LocalStack stack = new LocalStack(settings, log);
        TestStack testStack = new TestStack(stack);
        Runtime.getRuntime().addShutdownHook(new Thread(testStack::stop, "emi-test-stack-stop"));
        stack.up(withServices);
        return testStack;
    }

    public LocalStack stack() {
        return stack;
    }

    public StackSettings settings() {
        return stack.settings();
    }

    public String bootstrapServers() {
        return stack.settings().bootstrapServers();
    }

    public String registryUrl() {
        return stack.settings().registryUrl();
    }

    /** The configuration a Quarkus service under test needs to reach this stack. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers());
        config.put("quarkus.kafka-streams.bootstrap-servers", bootstrapServers());
        config.put("emi.registry.url", registryUrl());
        config.put("mp.messaging.connector.smallrye-kafka.apicurio.registry.url", registryUrl());
        return config;
    }

    /** Starts instance {@code instance} of a service on a free port; {@link #stop()} stops it too. */
    public String startInstance(String service, int instance) {
        int port = FreePorts.take(1)[0];
        stack.startInstance(service, instance, port);
        return "http://" + StackSettings.HOST + ":" + port;
    }

    public void stop() {
        stack.down(false);
    }

    public List<String> stopProcesses(List<String> names) {
        return stack.stop(names);
    }
}
