package eu.emistreams.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the topics of {@code schemas/topics.csv}, the rendering of the descriptors the services
 * use ({@code eu.emistreams.events.EventTopics}; schemas' TopicContractTest holds the file to them).
 * The launcher does not depend on the schemas jar (schemas' tests depend on the launcher), so it
 * reads the file from the checkout.
 */
public final class StackTopics {

    public record Declared(String name, int partitions, String cleanupPolicy) {
    }

    private StackTopics() {
    }

    public static Path declarationFile(Path repositoryRoot) {
        return repositoryRoot.resolve("schemas/topics.csv");
    }

    public static List<Declared> declared(Path repositoryRoot) {
        Path file = declarationFile(repositoryRoot);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<Declared> topics = new ArrayList<>();
            boolean header = true;
            for (String line : lines) {
                // The first line says where the file comes from; the next is the header.
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                } else {
                    String[] f = line.split(",", 4);
                    topics.add(new Declared(f[0], Integer.parseInt(f[1]), f[2]));
                }
            }
            return topics;
        } catch (IOException | RuntimeException e) {
            throw new StackException("cannot read the topic declarations " + file + ": " + e.getMessage(), e);
        }
    }

    /** An admin client of the stack: as the super user admin on a secured stack (KafkaCredentials). */
    public static Admin admin(StackSettings settings) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        KafkaCredentials.read(settings).ifPresent(credentials ->
                props.putAll(credentials.clientProperties(KafkaCredentials.ADMIN)));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return Admin.create(props);
    }

    /** Creates what is missing; returns the names created. */
    public static List<String> createMissing(StackSettings settings) {
        List<Declared> declared = declared(settings.repositoryRoot());
        try (Admin admin = admin(settings)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Declared topic : declared) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy())));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            throw new StackException("creating topics failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating topics");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StackException("the broker at " + settings.bootstrapServers() + " did not answer within 30 s");
        }
    }
}
