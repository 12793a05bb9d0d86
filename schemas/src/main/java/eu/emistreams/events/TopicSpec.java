package eu.emistreams.events;

/**
 * One Kafka topic of the system as declared in {@code topics.csv}: the launcher creates it, the
 * services read and write it, Kubernetes deploys it. Internal Streams topics are not listed.
 */
public record TopicSpec(String name, int partitions, String cleanupPolicy, String description) {

    public boolean compacted() {
        return "compact".equals(cleanupPolicy);
    }
}
