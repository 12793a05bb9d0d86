package eu.emistreams.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code schemas/topics.csv}, rendered from {@link EventTopics}: the launcher reads the file from
 * the checkout because it does not depend on this jar. Never edited by hand;
 * {@code TopicContractTest} fails with the command below when it differs from the descriptors.
 */
public final class TopicsCsv {

    /** The file, relative to the repository root. */
    public static final String PATH = "schemas/topics.csv";
    public static final String HEADER = "name,partitions,cleanup_policy,description";
    /** Regenerates the file, from the repository root, once schemas is compiled. */
    public static final String REGENERATE = "java -cp schemas/target/classes:$(cat schemas/target/runtime.classpath) "
            + TopicsCsv.class.getName() + " " + PATH;

    private TopicsCsv() {
    }

    public static String render(List<Topic<?, ?>> topics) {
        StringBuilder csv = new StringBuilder("# Generated from " + EventTopics.class.getName()
                + " by " + TopicsCsv.class.getSimpleName() + ": edit the descriptors, then run " + REGENERATE + "\n");
        csv.append(HEADER).append('\n');
        for (Topic<?, ?> topic : topics) {
            csv.append(topic.name()).append(',').append(topic.partitions()).append(',')
                    .append(topic.cleanupPolicy().config()).append(',').append(topic.description()).append('\n');
        }
        return csv.toString();
    }

    /** Writes the file of {@link EventTopics#all()} to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: " + TopicsCsv.class.getSimpleName() + " <path of topics.csv>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), render(EventTopics.all()), StandardCharsets.UTF_8);
    }
}
