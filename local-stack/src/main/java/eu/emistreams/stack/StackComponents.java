package eu.emistreams.stack;

import eu.emistreams.stack.process.ManagedProcess;
import eu.emistreams.stack.process.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The processes of the local stack and how each is started: the Kafka broker (KRaft, combined
 * broker and controller) from the jars that {@code stack-runtime} resolved, the Apicurio Registry
 * from its Maven Central distribution with H2 file storage, and the four packaged services.
 */
public final class StackComponents {

    public static final String KAFKA = "kafka";
    public static final String REGISTRY = "registry";
    public static final List<String> SERVICES =
            List.of("ingest-service", "classifier-service", "indicator-service", "query-service");

    private final StackSettings settings;
    private final Map<String, String> serviceOverrides = new java.util.concurrent.ConcurrentHashMap<>();

    public StackComponents(StackSettings settings) {
        this.settings = settings;
    }

    /**
     * Quarkus properties given to every service started from now on, after the stack's own: a
     * test's variation of the deployment (e.g. standby replicas), kept for the restarts of {@code up}.
     */
    public void overrideServiceConfig(Map<String, String> properties) {
        serviceOverrides.putAll(properties);
    }

    public StackSettings settings() {
        return settings;
    }

    public Path kafkaClasspathFile() {
        return settings.repositoryRoot().resolve("stack-runtime/target/kafka.classpath");
    }

    public Path registryRunner() {
        Path dir = settings.repositoryRoot().resolve("stack-runtime/target/apicurio-registry");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                        .orElse(dir.resolve("apicurio-registry-app-runner.jar"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir.resolve("apicurio-registry-app-runner.jar");
    }

    public Path serviceJar(String service) {
        return settings.repositoryRoot().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Files that must exist before the stack can start; the launcher builds them when missing. */
    public List<Path> requiredArtifacts(boolean withServices) {
        List<Path> required = new ArrayList<>(List.of(kafkaClasspathFile(), registryRunner()));
        if (withServices) {
            SERVICES.forEach(s -> required.add(serviceJar(s)));
            required.addAll(SchemaDeploymentStep.requiredArtifacts(settings));
        }
        return required;
    }

    public ManagedProcess kafka() {
        Path dir = settings.dataDir().resolve("kafka");
        String classpath = readClasspath();
        List<String> command = List.of(java(), "-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp", classpath, "kafka.Kafka", dir.resolve("server.properties").toString());
        return new ManagedProcess(KAFKA, settings.kafkaPort(), command, Map.of(), settings.dataDir(),
                settings.logDir().resolve("kafka.log"), settings.runDir().resolve("kafka.pid"),
                Readiness.tcp(StackSettings.HOST, settings.kafkaPort()));
    }

    /** Writes the broker configuration and formats the log directory once (KRaft needs a cluster id). */
    public void prepareKafka() {
        Path dir = settings.dataDir().resolve("kafka");
        Path logs = dir.resolve("logs");
        try {
            Files.createDirectories(logs);
            // On a secured stack the broker configuration holds the admin password.
            OwnerOnlyFiles.write(dir.resolve("server.properties"), kafkaProperties(logs));
            Files.writeString(dir.resolve("log4j2.properties"), LOG4J2, StandardCharsets.UTF_8);
            if (!Files.exists(logs.resolve("meta.properties"))) {
                String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
                List<String> formatCommand = new ArrayList<>(List.of(java(), "-Xmx256m",
                        "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                        "-cp", readClasspath(), "kafka.tools.StorageTool", "format",
                        "-t", clusterId, "-c", dir.resolve("server.properties").toString()));
                // A secured stack's users exist from the first start: the broker logs in to itself as admin.
                KafkaCredentials.read(settings).ifPresent(credentials -> formatCommand.addAll(credentials.formatArguments()));
                Process format = new ProcessBuilder(formatCommand)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(
                                Files.createDirectories(settings.logDir()).resolve("kafka-format.log").toFile()))
                        .start();
                if (format.waitFor() != 0) {
                    throw new StackException("formatting the Kafka log directory failed; see "
                            + settings.logDir().resolve("kafka-format.log"));
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot prepare the Kafka data directory " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while formatting Kafka storage");
        }
    }

    String kafkaProperties(Path logs) {
        String host = StackSettings.HOST;
        String plaintext = kafkaProperties("1", host, host, Integer.toString(settings.kafkaPort()),
                Integer.toString(settings.kafkaControllerPort()), logs.toString());
        return KafkaCredentials.read(settings).map(credentials -> secured(plaintext, credentials)).orElse(plaintext);
    }

    /**
     * The broker of a secured stack (EMI_KAFKA_SASL): clients authenticate with SCRAM-SHA-512 on
     * the client listener, the broker's own connection to its controller with PLAIN (KRaft does
     * not offer SCRAM there), both as the super user admin; everything else needs an ACL.
     */
    static String secured(String plaintext, KafkaCredentials credentials) {
        String admin = KafkaCredentials.ADMIN;
        String password = credentials.password(admin);
        StringBuilder properties = new StringBuilder();
        for (String line : plaintext.split("\n")) {
            if (line.startsWith("listeners=") || line.startsWith("advertised.listeners=")) {
                properties.append(line.replace("PLAINTEXT://", "SASL_PLAINTEXT://")).append('\n');
            } else if (line.startsWith("inter.broker.listener.name=")) {
                properties.append("inter.broker.listener.name=SASL_PLAINTEXT\n");
            } else if (line.startsWith("listener.security.protocol.map=")) {
                properties.append("listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT\n");
            } else if (!line.isEmpty()) {
                properties.append(line).append('\n');
            }
        }
        List.of(
                "sasl.enabled.mechanisms=" + KafkaCredentials.MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + KafkaCredentials.MECHANISM,
                "listener.name.sasl_plaintext.sasl.enabled.mechanisms=" + KafkaCredentials.MECHANISM,
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
                        + KafkaCredentials.jaasConfig(admin, password),
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
                        + " required username=\"" + admin + "\" password=\"" + password + "\" user_" + admin + "=\""
                        + password + "\";",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + admin,
                "allow.everyone.if.no.acl.found=false")
                .forEach(line -> properties.append(line).append('\n'));
        return properties.toString();
    }

    /**
     * The broker configuration of the stack, the same for the process and for the broker image
     * (whose entry point fills in placeholders given here as the arguments).
     */
    public static String kafkaProperties(String nodeId, String listenHost, String advertisedHost, String port,
            String controllerPort, String logDirs) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + nodeId + "@" + advertisedHost + ":" + controllerPort,
                "listeners=PLAINTEXT://" + listenHost + ":" + port + ",CONTROLLER://" + listenHost + ":"
                        + controllerPort,
                "advertised.listeners=PLAINTEXT://" + advertisedHost + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirs,
                "num.partitions=1",
                "auto.create.topics.enable=false",
                // One broker: every internal topic has a single replica.
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=33554432",
                // The cleaner compacts closed segments only: at 16 MiB (not 1 GiB) a segment closes
                // after a few releases, so superseded events and tombstones of a long-running local
                // stack are reclaimed and its disk stays bounded (docs/reliability.md, the soak).
                "log.segment.bytes=16777216",
                "");
    }

    /** The log4j2 configuration of the broker, process or image. */
    public static String kafkaLog4j2() {
        return LOG4J2;
    }

    public ManagedProcess registry() {
        Path dir = settings.dataDir().resolve("registry");
        List<String> command = List.of(java(), "-Xms128m", "-Xmx384m",
                "-Dquarkus.http.host=" + StackSettings.HOST,
                "-Dquarkus.http.port=" + settings.registryPort(),
                "-Dquarkus.management.host=" + StackSettings.HOST,
                "-Dquarkus.log.level=WARN",
                "-Dquarkus.log.category.\"io.apicurio\".level=INFO",
                "-Dapicurio.datasource.url=jdbc:h2:file:" + dir.resolve("registry"),
                "-jar", registryRunner().toString());
        return new ManagedProcess(REGISTRY, settings.registryPort(), command, Map.of(), settings.dataDir(),
                settings.logDir().resolve("registry.log"), settings.runDir().resolve("registry.pid"),
                Readiness.http("http://" + StackSettings.HOST + ":" + settings.registryPort()
                        + "/apis/registry/v3/system/info"));
    }

    public ManagedProcess service(String service) {
        return service(service, 1, servicePort(service));
    }

    /**
     * Instance {@code instance} of a service on {@code port}: instances of one Streams service share
     * its application.id and split its partitions; each has its own state directory and log.
     */
    public ManagedProcess service(String service, int instance, int port) {
        String name = instance == 1 ? service : service + "-" + instance;
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(serviceHeapOptions(service));
        serviceConfig(service, port, settings.dataDir().resolve("state").resolve(name).toString(),
                settings.dataDir().resolve("ingest").toString())
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(extraServiceJvmOptions(name));
        command.addAll(List.of("-jar", serviceJar(service).toString()));
        // In the environment, not on the command line: a secured stack's service logs in with its password.
        Map<String, String> environment = KafkaCredentials.read(settings)
                .map(credentials -> credentials.serviceEnvironment(service)).orElse(Map.of());
        return new ManagedProcess(name, port, command, environment, settings.dataDir(),
                settings.logDir().resolve(name + ".log"), settings.runDir().resolve(name + ".pid"),
                Readiness.http("http://" + StackSettings.HOST + ":" + port + "/q/health/ready"));
    }

    /**
     * The configuration the stack gives a service instance, as Quarkus properties: the process
     * stack passes them as system properties, the container stack as environment variables
     * ({@link #environmentName}). {@code stateDir} and {@code ingestDir} are paths as the service sees them.
     */
    public Map<String, String> serviceConfig(String service, int port, String stateDir, String ingestDir) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.host", StackSettings.HOST);
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("kafka.bootstrap.servers", settings.bootstrapServers());
        config.put("emi.registry.url", settings.registryUrl());
        if (!service.equals("ingest-service")) {
            config.put("quarkus.kafka-streams.bootstrap-servers", settings.bootstrapServers());
            config.put("quarkus.kafka-streams.application-server", StackSettings.HOST + ":" + port);
            config.put("kafka-streams.state.dir", stateDir);
        } else {
            config.put("emi.ingest.state-dir", ingestDir);
            config.put("emi.ingest.inbox", ReleaseInbox.directory(settings).toString());
        }
        if (service.equals("ingest-service") || service.equals("classifier-service")) {
            // The write endpoints' token (ApiToken); the container stack passes it by value instead.
            config.put("emi.auth.token-file", ApiToken.file(settings).toString());
        }
        config.putAll(serviceOverrides);
        return config;
    }

    /** The environment variable MicroProfile Config reads for a property: QUARKUS_HTTP_PORT for quarkus.http.port. */
    public static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /** The heap options of a service, the same for its process and its container. */
    public static List<String> serviceHeapOptions(String service) {
        return List.of(serviceInitialHeap(service), serviceHeap(service), "-XX:+UseSerialGC");
    }

    /**
     * EMI_SERVICE_JVM_OPTIONS, space-separated, added to every service's command line with
     * {@code {service}} replaced by the instance's name: for profiling, e.g.
     * {@code -XX:StartFlightRecording=filename=/tmp/{service}.jfr}.
     */
    private static List<String> extraServiceJvmOptions(String name) {
        String options = System.getenv("EMI_SERVICE_JVM_OPTIONS");
        return options == null || options.isBlank() ? List.of()
                : List.of(options.trim().replace("{service}", name).split("\\s+"));
    }

    /**
     * The query service starts with its heap at full size: answering a request allocates its
     * response buffers, and a young generation grown from 64 MB collects every second under load.
     */
    private static String serviceInitialHeap(String service) {
        return service.equals("query-service") ? "-Xms512m" : "-Xms64m";
    }

    private static String serviceHeap(String service) {
        return switch (service) {
            case "ingest-service" -> "-Xmx768m";
            default -> "-Xmx512m";
        };
    }

    public int servicePort(String service) {
        return switch (service) {
            case "ingest-service" -> settings.ingestPort();
            case "classifier-service" -> settings.classifierPort();
            case "indicator-service" -> settings.indicatorPort();
            case "query-service" -> settings.queryPort();
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** All processes in start order. */
    public List<ManagedProcess> all(boolean withServices) {
        List<ManagedProcess> all = new ArrayList<>(List.of(kafka(), registry()));
        if (withServices) {
            SERVICES.forEach(s -> all.add(service(s)));
        }
        return all;
    }

    private String readClasspath() {
        Path file = kafkaClasspathFile();
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new StackException(file + " is missing: build the project first (./mvnw -DskipTests install)");
        }
    }

    public static String java() {
        Path home = Path.of(System.getProperty("java.home"));
        return home.resolve("bin/java").toString();
    }

    private static final String LOG4J2 = String.join("\n",
            "status = warn",
            "appender.console.type = Console",
            "appender.console.name = STDOUT",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.stdout.ref = STDOUT",
            "logger.kafka.name = kafka",
            "logger.kafka.level = warn",
            "logger.apache.name = org.apache.kafka",
            "logger.apache.level = warn",
            "logger.state.name = state.change.logger",
            "logger.state.level = warn",
            "logger.server.name = kafka.server.KafkaRaftServer",
            "logger.server.level = info",
            "");
}
