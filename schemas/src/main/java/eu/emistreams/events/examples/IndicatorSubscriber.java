package eu.emistreams.events.examples;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.KafkaClientSecurity;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * A subscriber of the indicator topics, as another service would write one: it reads the compacted
 * topic from the beginning (the current value of every indicator), then follows updates; a record
 * with a null value retracts its key. Run it with {@code ./emi subscribe [COUNTRY]}.
 *
 * <p>Arguments: bootstrap servers, registry URL (ending in /apis/registry/v3), optional country. A
 * secured broker's settings come from the {@code EMI_KAFKA_*} variables ({@link KafkaClientSecurity}).
 */
public final class IndicatorSubscriber {

    private IndicatorSubscriber() {
    }

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        String registry = args.length > 1 ? args[1] : "http://127.0.0.1:8081/apis/registry/v3";
        String country = args.length > 2 ? args[2].toUpperCase() : null;

        AvroSerdes serdes = new AvroSerdes(registry);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // A secured broker (SASL_SSL on Kubernetes) through the same EMI_KAFKA_* variables as the services.
        props.putAll(KafkaClientSecurity.properties());
        // A fresh group each run: a subscriber that wants the whole current state starts from the beginning.
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "indicator-subscriber-example-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Indicators are written in transactions: read only committed values.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");

        try (KafkaConsumer<IndicatorKey, IndicatorValue> consumer = new KafkaConsumer<>(props,
                serdes.keySerde(EventTopics.INDICATORS_PATENT).deserializer(),
                serdes.valueSerde(EventTopics.INDICATORS_PATENT).deserializer())) {
            consumer.subscribe(List.of(EventTopics.INDICATORS_PATENT.name(), EventTopics.INDICATORS_TRADE.name(), EventTopics.INDICATORS_PRODUCTION.name(),
                    EventTopics.INDICATORS_INVESTMENT.name()));
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup));
            while (true) {
                for (ConsumerRecord<IndicatorKey, IndicatorValue> record : consumer.poll(Duration.ofSeconds(1))) {
                    IndicatorKey key = record.key();
                    if (country != null && !country.equals(key.getCountry())) {
                        continue;
                    }
                    IndicatorValue value = record.value();
                    if (value == null) {
                        System.out.printf("%-24s %-3s %-12s %4d  retracted%n", key.getIndicator(), key.getCountry(),
                                key.getCode(), key.getYear());
                    } else {
                        System.out.printf("%-24s %-3s %-12s %4d  %14.6f  (%s, concordance %s)%n", key.getIndicator(),
                                key.getCountry(), key.getCode(), key.getYear(), value.getValue(),
                                value.getProvenance().getReleases(), value.getProvenance().getConcordanceVersion());
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException stopping) {
            // Ctrl-C
        }
    }
}
