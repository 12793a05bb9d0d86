package eu.emistreams.bench.latency;

import eu.emistreams.bench.BenchException;
import eu.emistreams.bench.batch.IndicatorId;
import eu.emistreams.bench.pipeline.PipelineClient;
import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.patstat.Applicant;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.stack.StackSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Event latency: one application changes and the time until its indicator shows the change in
 * {@code GET /api/indicators}. The probe is an application of its own (an appln_id no release
 * holds), written to {@link EventTopics#PATSTAT_APPLICATIONS} as the ingest writes applications; each
 * sample moves its only applicant between two EU countries, so that {@code patent.count} of the
 * country it moves to rises by exactly 1 for the probe's code and year. The clock starts before
 * the event is sent and stops at the first answer that shows the new value.
 */
public final class EventLatencyProbe implements AutoCloseable {

    /** Far above the appln_ids of PATSTAT and of the generator, so no release touches it. */
    public static final long PROBE_APPLN_ID = 990_000_000_000L;
    private static final String INDICATOR = "patent.count";
    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();
    private static final double EXPECTED_TOLERANCE = 1e-6;

    /** Where the probe counts: its year, its code, an IPC symbol that carries the code, and two EU countries. */
    public record Target(int year, String code, String ipcSymbol, String firstCountry, String secondCountry) {
    }

    private final PipelineClient client;
    private final Target target;
    private final KafkaProducer<String, PatentApplication> producer;
    private final Map<String, Double> baseline;
    private String current;

    /** Reads the two countries' counts while the pipeline is settled and the probe is absent. */
    public EventLatencyProbe(StackSettings settings, PipelineClient client, Target target) {
        this.client = client;
        this.target = target;
        this.baseline = Map.of(target.firstCountry(), value(target.firstCountry()),
                target.secondCountry(), value(target.secondCountry()));
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "emi-bench-latency-probe");
        AvroSerdes serdes = new AvroSerdes(settings.registryUrl());
        this.producer = new KafkaProducer<>(config, serdes.keySerde(EventTopics.PATSTAT_APPLICATIONS).serializer(),
                serdes.valueSerde(EventTopics.PATSTAT_APPLICATIONS).serializer());
    }

    /**
     * Runs {@code warmups + samples} changes one after the other, with a random pause of up to
     * 250 ms between them so that samples do not lock onto the indicator service's publication
     * schedule; returns the latencies of the samples in milliseconds.
     */
    public double[] measure(int warmups, int samples, Random random, Duration timeout, Consumer<String> progress) {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < warmups + samples; i++) {
            String next = i % 2 == 0 ? target.firstCountry() : target.secondCountry();
            // The previous move must be visible before the clock starts, or it could pass for this one.
            awaitValue(next, baseline.get(next), timeout);
            long start = System.nanoTime();
            send(application(next));
            awaitValue(next, baseline.get(next) + 1, timeout);
            double milliseconds = (System.nanoTime() - start) / 1e6;
            current = next;
            if (i >= warmups) {
                latencies.add(milliseconds);
                if (progress != null && (latencies.size() % 20 == 0 || latencies.size() == samples)) {
                    progress.accept(latencies.size() + "/" + samples + " samples, last " + Math.round(milliseconds) + " ms");
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(random.nextInt(251)).toNanos());
        }
        return latencies.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Removes the probe (a tombstone) and waits until its count is gone again. */
    public void retract(Duration timeout) {
        if (current == null) {
            return;
        }
        send(null);
        awaitValue(current, baseline.get(current), timeout);
        current = null;
    }

    private PatentApplication application(String country) {
        return PatentApplication.newBuilder()
                .setApplnId(PROBE_APPLN_ID)
                .setAuthority("WO")
                .setInternatApplnId(0)
                .setEarliestFilingYear(target.year())
                .setApplicants(List.of(Applicant.newBuilder()
                        .setPersonId(PROBE_APPLN_ID)
                        .setApplicantSeqNr(1)
                        .setName("EMI bench latency probe")
                        .setRawCountryCode(country)
                        .setCountry(country)
                        .build()))
                .setIpcSymbols(List.of(target.ipcSymbol()))
                .setSourceRelease("bench-latency-probe")
                .build();
    }

    private void send(PatentApplication application) {
        try {
            producer.send(new ProducerRecord<>(EventTopics.PATSTAT_APPLICATIONS.name(), Long.toString(PROBE_APPLN_ID), application))
                    .get();
        } catch (ExecutionException e) {
            throw new BenchException("the latency probe could not write its event: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    private void awaitValue(String country, double expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        double last = Double.NaN;
        while (System.nanoTime() < deadline) {
            OptionalDouble value = client.indicator(new IndicatorId(INDICATOR, country, target.code(), target.year()));
            if (value.isPresent()) {
                last = value.getAsDouble();
                if (Math.abs(last - expected) <= EXPECTED_TOLERANCE) {
                    return;
                }
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        throw new BenchException(INDICATOR + " " + country + " " + target.code() + " " + target.year() + " did not reach "
                + expected + " within " + timeout.toSeconds() + " s (last value " + last + ")");
    }

    private double value(String country) {
        IndicatorId id = new IndicatorId(INDICATOR, country, target.code(), target.year());
        return client.indicator(id).orElseThrow(() -> new BenchException("the query service has no " + id));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
