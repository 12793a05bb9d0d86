package eu.emistreams.query.testing;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.Provenance;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.query.factsheet.DataSource;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Writes to the real broker of the test stack, as the upstream services would. */
public final class StackClients implements AutoCloseable {

    private final AvroSerdes avro;
    private final KafkaProducer<IndicatorKey, IndicatorValue> indicators;
    private final KafkaProducer<String, IngestReport> reports;
    private final KafkaProducer<String, String> raw;

    public StackClients() {
        avro = new AvroSerdes(registryUrl());
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        indicators = new KafkaProducer<>(config, avro.keySerde(IndicatorKey.class).serializer(),
                avro.valueSerde(IndicatorValue.class).serializer());
        reports = new KafkaProducer<>(config, new StringSerializer(), avro.valueSerde(IngestReport.class).serializer());
        raw = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static String registryUrl() {
        return ConfigProvider.getConfig().getValue("emi.registry.url", String.class);
    }

    public AvroSerdes avro() {
        return avro;
    }

    public void publish(IndicatorKey key, double value) {
        send(indicators, new ProducerRecord<>(EventTopics.INDICATORS_PATENT.name(), key, Records.value(key, value)));
    }

    /** A value as the indicator service publishes it, with its release and the value it replaces. */
    public void publish(IndicatorKey key, IndicatorValue value) {
        send(indicators, new ProducerRecord<>(EventTopics.INDICATORS_PATENT.name(), key, value));
    }

    /**
     * Each row as the indicator service publishes it, on its family's topic: all sent, then every
     * acknowledgement awaited.
     */
    public void publishRows(List<IndicatorRowWithProvenance> rows) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (IndicatorRowWithProvenance row : rows) {
            IndicatorKey key = new IndicatorKey(row.indicator(), row.country(), row.code(), row.year());
            IndicatorValue value = new IndicatorValue(row.indicator(), row.country(), row.code(), row.year(), row.value(),
                    new Provenance(row.releases(), row.concordanceVersion()), System.currentTimeMillis(),
                    row.previousValue());
            sent.add(indicators.send(new ProducerRecord<>(topicOf(row.indicator()), key, value)));
        }
        indicators.flush();
        for (Future<RecordMetadata> result : sent) {
            try {
                result.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("could not write the indicator rows", e);
            }
        }
    }

    private static String topicOf(String indicator) {
        return switch (DataSource.of(indicator)) {
            case PATENTS -> EventTopics.INDICATORS_PATENT.name();
            case TRADE -> EventTopics.INDICATORS_TRADE.name();
            case PRODUCTION -> EventTopics.INDICATORS_PRODUCTION.name();
            case INVESTMENT -> EventTopics.INDICATORS_INVESTMENT.name();
        };
    }

    public void retract(IndicatorKey key) {
        send(indicators, new ProducerRecord<>(EventTopics.INDICATORS_PATENT.name(), key, null));
    }

    public void report(IngestReport report) {
        send(reports, new ProducerRecord<>(EventTopics.INGEST_REPORTS.name(), report.getSource() + "/" + report.getRelease(), report));
    }

    public void sendRaw(String topic, String key, String value) {
        send(raw, new ProducerRecord<>(topic, key, value));
    }

    private static <K, V> void send(KafkaProducer<K, V> producer, ProducerRecord<K, V> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        indicators.close();
        reports.close();
        raw.close();
    }
}
