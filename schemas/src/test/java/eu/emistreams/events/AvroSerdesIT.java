package eu.emistreams.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.Provenance;
import eu.emistreams.events.patstat.Applicant;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.stack.test.TestStack;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * Records survive the registry serdes unchanged, nested records, arrays and maps included, and an
 * event written under an older schema reads into today's class with the defaults of the fields it lacks.
 */
class AvroSerdesIT {

    private final AvroSerdes serdes = new AvroSerdes(TestStack.shared().registryUrl());

    @Test
    void patentApplicationRoundTrip() {
        PatentApplication application = PatentApplication.newBuilder()
                .setApplnId(4711L).setAuthority("EP").setInternatApplnId(0L).setEarliestFilingYear(2018)
                .setApplicants(List.of(
                        Applicant.newBuilder().setPersonId(1L).setApplicantSeqNr(1).setName("Zoë NV")
                                .setRawCountryCode(" be").setCountry("BE").build(),
                        Applicant.newBuilder().setPersonId(2L).setApplicantSeqNr(2).setCountry("ZZ").build()))
                .setIpcSymbols(List.of("H01L31/042", "H02S40/00"))
                .setTitle("Solar cell, \"bifacial\"\nsecond line").setSourceRelease("2024A").build();
        Serde<PatentApplication> serde = serdes.valueSerde(PatentApplication.class);
        byte[] bytes = serde.serializer().serialize(EventTopics.PATSTAT_APPLICATIONS.name(), application);
        assertEquals(0, bytes[0], "Apicurio magic byte");
        assertEquals(application, serde.deserializer().deserialize(EventTopics.PATSTAT_APPLICATIONS.name(), bytes));
        assertNull(serde.deserializer().deserialize(EventTopics.PATSTAT_APPLICATIONS.name(), null));
    }

    @Test
    void indicatorKeyAndValueRoundTrip() {
        IndicatorKey key = new IndicatorKey("patent.world_share", "BE", "AGRI", 2020);
        IndicatorValue value = IndicatorValue.newBuilder().setIndicator("patent.world_share").setCountry("BE")
                .setCode("AGRI").setYear(2020).setValue(1.234)
                .setProvenance(new Provenance(Map.of("patstat", "2024A"), "abc123def456"))
                .setComputedAt(1_700_000_000_000L).build();
        Serde<IndicatorKey> keySerde = serdes.keySerde(IndicatorKey.class);
        Serde<IndicatorValue> valueSerde = serdes.valueSerde(IndicatorValue.class);
        byte[] keyBytes = keySerde.serializer().serialize(EventTopics.INDICATORS_PATENT.name(), key);
        // Compaction needs equal keys to have equal bytes.
        assertEquals(java.util.Arrays.toString(keyBytes), java.util.Arrays.toString(keySerde.serializer()
                .serialize(EventTopics.INDICATORS_PATENT.name(), new IndicatorKey("patent.world_share", "BE", "AGRI", 2020))));
        assertEquals(key, keySerde.deserializer().deserialize(EventTopics.INDICATORS_PATENT.name(), keyBytes));
        assertEquals(value, valueSerde.deserializer().deserialize(EventTopics.INDICATORS_PATENT.name(),
                valueSerde.serializer().serialize(EventTopics.INDICATORS_PATENT.name(), value)));
    }

    @Test
    void anEventWrittenUnderAnOlderSchemaReadsWithTheDefaultsOfTheFieldsItLacks() {
        // An older PatentApplication: no applnKind, no docdbFamilyId (both default to null).
        Schema current = PatentApplication.getClassSchema();
        List<Schema.Field> olderFields = current.getFields().stream()
                .filter(field -> !field.name().equals("applnKind") && !field.name().equals("docdbFamilyId"))
                .map(field -> new Schema.Field(field, field.schema()))
                .toList();
        Schema older = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, olderFields);
        GenericRecord written = new GenericData.Record(older);
        written.put("applnId", 99L);
        written.put("authority", "WO");
        written.put("applnNr", "2019/1");
        written.put("filingDate", null);
        written.put("filingYear", 2019);
        written.put("internatApplnId", 0L);
        written.put("earliestFilingYear", 2019);
        written.put("applicants", List.of());
        written.put("ipcSymbols", List.of("A01B1/00"));
        written.put("title", "Plough");
        written.put("titleLanguage", "en");
        written.put("abstractText", null);
        written.put("abstractLanguage", null);
        written.put("sourceRelease", "2019A");

        // A topic of its own, so the older schema is the first version of its artifact.
        String topic = "avro-serdes-it-" + UUID.randomUUID();
        Map<String, Object> genericConfig = new HashMap<>(serdes.serdeConfig());
        genericConfig.remove(AvroSerdeConfig.AVRO_DATUM_PROVIDER);
        try (AvroKafkaSerializer<GenericRecord> olderWriter = new AvroKafkaSerializer<>()) {
            olderWriter.configure(genericConfig, false);
            byte[] bytes = olderWriter.serialize(topic, written);

            PatentApplication read = serdes.valueSerde(PatentApplication.class).deserializer().deserialize(topic, bytes);
            assertEquals(99L, read.getApplnId());
            assertEquals("2019/1", read.getApplnNr());
            assertNull(read.getApplnKind());
            assertNull(read.getDocdbFamilyId());
            assertEquals(List.of("A01B1/00"), read.getIpcSymbols());
            assertEquals("Plough", read.getTitle());
        }
    }
}
