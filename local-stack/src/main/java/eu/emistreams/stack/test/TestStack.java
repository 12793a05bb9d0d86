package eu.emistreams.stack.test;

import eu.emistreams.stack.process.FreePorts;
import eu.emistreams.stack.KafkaCredentials;
import eu.emistreams.stack.LocalStack;
import eu.emistreams.stack.StackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The real broker and registry for tests: started once per test JVM on free loopback ports, with
 * its data under the module's {@code target/}, and stopped when the JVM exits. Where a container
 * engine answers and the images of {@code ./emi images} exist, the broker and the registry run as
 * Testcontainers containers of those images; elsewhere as processes, with the same code as
 * {@code ./emi up}. {@code EMI_TEST_STACK} chooses: {@code auto} (the default), {@code containers}
 * (fail where that path cannot run) or {@code processes}. Services run as processes on either path.
 */
public final class TestStack {

    private static TestStack shared;
    private static volatile String lastPath;
    private static volatile TestStack last;
    private static final String RUNNING = "a stack that runs already (EMI_TEST_STACK=running: ./emi up, "
            + "./emi up --containers or ./emi kube play, at the ports of the EMI_*_PORT variables)";

    private final LocalStack stack;
    private final String path;
    private volatile StackTestContainers containers;

    private TestStack(LocalStack stack, String path) {
        this.stack = stack;
        this.path = path;
    }

    /** How the broker and registry run: "containers (...)" or "processes (...)", with why. */
    public String path() {
        return path;
    }

    /** The path the next stack takes, and why; throws where EMI_TEST_STACK=containers cannot run. */
    static String choosePath() {
        String mode = System.getenv().getOrDefault("EMI_TEST_STACK", "auto").trim().toLowerCase(java.util.Locale.ROOT);
        switch (mode) {
            case "processes":
                return "processes (EMI_TEST_STACK=processes)";
            case "running":
                return RUNNING;
            case "containers":
            case "auto": {
                java.util.Optional<String> unavailable = StackTestContainers.unavailableReason();
                if (unavailable.isEmpty()) {
                    return "containers (images " + eu.emistreams.stack.container.StackImages.kafkaImage() + ", "
                            + eu.emistreams.stack.container.StackImages.registryImage() + " via "
                            + StackTestContainers.engineDescription() + ")";
                }
                if (mode.equals("containers")) {
                    throw new IllegalStateException("EMI_TEST_STACK=containers, but " + unavailable.get());
                }
                return "processes (" + unavailable.get() + ")";
            }
            default:
                throw new IllegalStateException("EMI_TEST_STACK=" + mode + ": use auto, containers or processes");
        }
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
        return start(withServices, choosePath());
    }

    /** A stack of its own whose broker and registry are processes whatever EMI_TEST_STACK says. */
    public static TestStack startAsProcesses(boolean withServices) {
        return startAsProcesses(withServices, Map.of());
    }

    /** {@link #startAsProcesses(boolean)} with Quarkus properties given to every service it starts. */
    public static TestStack startAsProcesses(boolean withServices, Map<String, String> serviceConfig) {
        return start(withServices, "processes (asked for by the test)", serviceConfig);
    }

    /**
     * A stack of processes whose broker requires SASL/SCRAM and enforces the ACLs of the services'
     * Kubernetes KafkaUsers (EMI_KAFKA_SASL; {@link KafkaCredentials}, {@link eu.emistreams.stack.KafkaAcls}).
     */
    public static TestStack startSecured(boolean withServices) {
        if (choosePath().equals(RUNNING)) {
            return attachToRunningStack();
        }
        return start(withServices, "processes, Kafka with SASL/SCRAM and ACLs (asked for by the test)", Map.of(), true);
    }

    /** Whether this stack's broker requires SASL/SCRAM and enforces ACLs. */
    public boolean secured() {
        return KafkaCredentials.enabled(settings());
    }

    private static TestStack start(boolean withServices, String path) {
        return start(withServices, path, Map.of());
    }

    private static TestStack start(boolean withServices, String path, Map<String, String> serviceConfig) {
        return start(withServices, path, serviceConfig, false);
    }

    private static TestStack start(boolean withServices, String path, Map<String, String> serviceConfig,
            boolean securedKafka) {
        if (path.equals(RUNNING)) {
            return attachToRunningStack();
        }
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
        if (securedKafka) {
            KafkaCredentials.ensure(settings);
        }
        LocalStack stack = new LocalStack(settings, log);
        stack.components().overrideServiceConfig(serviceConfig);
        TestStack testStack = new TestStack(stack, path);
        recordPath(path);
        last = testStack;
        Runtime.getRuntime().addShutdownHook(new Thread(testStack::stop, "emi-test-stack-stop"));
        System.out.println("[emi-test-stack] broker and registry as " + path);
        if (path.startsWith("containers")) {
            testStack.containers = StackTestContainers.start(settings);
            if (withServices) {
                stack.upServices();
            } else {
                stack.upServices(java.util.List.of());
            }
        } else {
            stack.up(withServices);
        }
        return testStack;
    }

    /**
     * The stack something else runs (EMI_TEST_STACK=running), for the end-to-end tests against a
     * deployment: it is neither started nor stopped here, and it may not see this machine's files.
     */
    private static TestStack attachToRunningStack() {
        Path root = StackSettings.findRepositoryRoot(Path.of(System.getProperty("user.dir")).toAbsolutePath());
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("EMI_ROOT", root.toString());
        StackSettings settings = StackSettings.fromEnvironment(env);
        recordPath(RUNNING);
        System.out.println("[emi-test-stack] using " + RUNNING);
        last = new TestStack(new LocalStack(settings, System.out), RUNNING);
        return last;
    }

    /** The Authorization header of the stack this JVM started last (its API token), for write requests. */
    public static java.util.Optional<String> authorization() {
        TestStack stack = last;
        return stack == null ? java.util.Optional.empty() : eu.emistreams.stack.ApiToken.authorization(stack.settings());
    }

    /** Whether the services of the stacks this JVM uses read releases by path on this machine. */
    public static boolean readsReleasePaths() {
        return !RUNNING.equals(lastPath);
    }

    /**
     * The path of the stack this JVM started last, or null before any. Kept in a system property
     * too: a @QuarkusTest starts its stack under Quarkus's class loader, where this class is
     * another, while the JUnit listener that prints it runs under the application class loader.
     */
    static String lastPath() {
        return lastPath != null ? lastPath : System.getProperty(PATH_PROPERTY);
    }

    private static final String PATH_PROPERTY = "emi.test-stack.path";

    private static void recordPath(String path) {
        lastPath = path;
        System.setProperty(PATH_PROPERTY, path);
    }

    /** Whether the broker and registry of this stack are containers. */
    public boolean inContainers() {
        return containers != null;
    }

    public LocalStack stack() {
        return stack;
    }

    public StackSettings settings() {
        return stack.settings();
    }

    /** The settings of a Kafka client of the tests: none on a PLAINTEXT stack, the super user admin's on a secured one. */
    public Map<String, Object> kafkaClientProperties() {
        return KafkaCredentials.read(settings()).map(credentials -> credentials.clientProperties(KafkaCredentials.ADMIN))
                .orElse(Map.of());
    }

    /** The secured stack's credentials (startSecured). */
    public KafkaCredentials kafkaCredentials() {
        return KafkaCredentials.read(settings())
                .orElseThrow(() -> new IllegalStateException("this stack's broker is not secured"));
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

    /**
     * Starts instance {@code instance} of each service at the same time, on distinct free ports;
     * returns their URLs in order. {@link #stop()} stops them too.
     */
    public List<String> startInstances(List<String> services, int instance) {
        int[] ports = FreePorts.take(services.size());
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            String service = services.get(i);
            int port = ports[i];
            starts.add(CompletableFuture.runAsync(() -> stack.startInstance(service, instance, port)));
        }
        starts.forEach(CompletableFuture::join);
        return Arrays.stream(ports).mapToObj(port -> "http://" + StackSettings.HOST + ":" + port).toList();
    }

    public void stop() {
        if (path.equals(RUNNING)) {
            return;
        }
        stack.down(false);
        StackTestContainers running = containers;
        if (running != null) {
            containers = null;
            running.stop();
        }
    }

    public List<String> stopProcesses(List<String> names) {
        return stack.stop(names);
    }

    /** {@code ./emi up} on this stack: starts exactly the processes that are not running; returns them. */
    public List<String> up() {
        requireProcesses("up");
        return stack.up(true);
    }

    /**
     * SIGKILL of one process of this stack (kafka, registry, a service or an instance such as
     * query-service-2), as an operator's {@code kill -9} would: no shutdown hook, no flush, no
     * commit. Returns once the process is gone, with its PID.
     */
    public long kill(String name) {
        ProcessHandle process = runningProcess(name, "kill");
        process.destroyForcibly();
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for 30 s", e);
        }
        return process.pid();
    }

    /** SIGSTOP: the process keeps its sockets but answers nothing, as a host cut off from the network. */
    public void pause(String name) {
        signal(runningProcess(name, "pause"), "STOP");
    }

    /** SIGCONT after {@link #pause}. */
    public void resume(String name) {
        signal(runningProcess(name, "resume"), "CONT");
    }

    private ProcessHandle runningProcess(String name, String action) {
        requireProcesses(action);
        return stack.running(name).orElseThrow(() -> new IllegalStateException(
                "cannot " + action + " " + name + ": this stack runs no such process"));
    }

    private void requireProcesses(String action) {
        if (path.equals(RUNNING) || containers != null) {
            throw new IllegalStateException(action + " needs a stack of processes started by this test, not " + path);
        }
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal, e);
        }
    }
}
