package eu.emistreams.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The Kafka principals of a local stack that runs its broker with SASL/SCRAM and ACLs
 * ({@code EMI_KAFKA_SASL=true} when the stack is created): the super user {@code admin}, which
 * the launcher and the tests use to create topics and ACLs and to read offsets, and one user
 * per service named as its Kubernetes {@code KafkaUser} (emi-ingest, emi-classifier,
 * emi-indicator, emi-query), whose ACLs {@link KafkaAcls} reads from the same manifest. The
 * passwords are random, written once to {@code kafka-credentials.properties} in the data
 * directory, readable by its owner only; the file's presence is what makes the stack secured.
 */
public final class KafkaCredentials {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String ADMIN = "admin";
    /** Service to Kafka user: the names of deploy/k8s/overlays/production/kafka/users.yaml. */
    public static final Map<String, String> SERVICE_USERS = Map.of(
            "ingest-service", "emi-ingest",
            "classifier-service", "emi-classifier",
            "indicator-service", "emi-indicator",
            "query-service", "emi-query");
    /** Asked for when a stack is created; an existing stack keeps what it was created with. */
    public static final String VARIABLE = "EMI_KAFKA_SASL";

    private final Map<String, String> passwords;

    private KafkaCredentials(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    public static Path file(StackSettings settings) {
        return settings.dataDir().resolve("kafka-credentials.properties");
    }

    /** Whether the stack of {@code settings} runs its broker with SASL/SCRAM and ACLs. */
    public static boolean enabled(StackSettings settings) {
        return Files.exists(file(settings));
    }

    /** Whether the environment asks for a secured broker ({@value #VARIABLE}=true). */
    public static boolean requested(Map<String, String> environment) {
        return Boolean.parseBoolean(environment.getOrDefault(VARIABLE, "false").strip());
    }

    /** The stack's credentials, created (random passwords) when missing. */
    public static KafkaCredentials ensure(StackSettings settings) {
        Optional<KafkaCredentials> existing = read(settings);
        if (existing.isPresent()) {
            return existing.get();
        }
        SecureRandom random = new SecureRandom();
        Properties properties = new Properties();
        List<String> users = new ArrayList<>(List.of(ADMIN));
        users.addAll(SERVICE_USERS.values().stream().sorted().toList());
        for (String user : users) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            // URL-safe Base64 without padding: no quote, backslash or '=' to escape in JAAS or SCRAM syntax.
            properties.setProperty(user, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        Path file = file(settings);
        try {
            StringWriter content = new StringWriter();
            properties.store(content, "SCRAM-SHA-512 passwords of the local stack's Kafka users (EMI_KAFKA_SASL)");
            OwnerOnlyFiles.write(file, content.toString());
        } catch (IOException e) {
            throw new StackException("cannot write the Kafka credentials " + file + ": " + e.getMessage(), e);
        }
        return read(settings).orElseThrow();
    }

    public static Optional<KafkaCredentials> read(StackSettings settings) {
        Path file = file(settings);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new StackException("cannot read the Kafka credentials " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(user -> passwords.put(user, properties.getProperty(user)));
        if (!passwords.containsKey(ADMIN) || !passwords.keySet().containsAll(SERVICE_USERS.values())) {
            throw new StackException(file + " lacks a password of " + ADMIN + " or of a service user; "
                    + "./emi down --purge and start again");
        }
        return Optional.of(new KafkaCredentials(passwords));
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka user " + user);
        }
        return password;
    }

    /** The SCRAM credentials that {@code kafka-storage format} writes into the new cluster's metadata. */
    public List<String> formatArguments() {
        List<String> arguments = new ArrayList<>();
        passwords.keySet().stream().sorted().forEach(user -> {
            arguments.add("--add-scram");
            arguments.add(MECHANISM + "=[name=" + user + ",password=" + passwords.get(user) + "]");
        });
        return arguments;
    }

    /** Kafka client settings of {@code user}: SCRAM over the stack's SASL_PLAINTEXT listener (127.0.0.1 only). */
    public Map<String, Object> clientProperties(String user) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", MECHANISM);
        properties.put("sasl.jaas.config", jaasConfig(user, password(user)));
        return properties;
    }

    /** What a service reads (eu.emistreams.events.KafkaClientSecurity, application.properties) to log in as its user. */
    public Map<String, String> serviceEnvironment(String service) {
        String user = SERVICE_USERS.get(service);
        if (user == null) {
            throw new IllegalArgumentException("no Kafka user for " + service);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("EMI_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        environment.put("EMI_KAFKA_SASL_MECHANISM", MECHANISM);
        environment.put("EMI_KAFKA_SASL_JAAS_CONFIG", jaasConfig(user, password(user)));
        return environment;
    }

    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
