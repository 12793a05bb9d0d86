package eu.emistreams.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.Provenance;
import eu.emistreams.events.patstat.Applicant;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.stack.test.TestStack;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** Records survive the registry serdes unchanged, nested records, arrays and maps included. */
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
        byte[] bytes = serde.serializer().serialize(Topics.PATSTAT_APPLICATIONS, application);
        assertEquals(0, bytes[0], "Apicurio magic byte");
        assertEquals(application, serde.deserializer().deserialize(Topics.PATSTAT_APPLICATIONS, bytes));
        assertNull(serde.deserializer().deserialize(Topics.PATSTAT_APPLICATIONS, null));
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
        byte[] keyBytes = keySerde.serializer().serialize(Topics.INDICATORS_PATENT, key);
        // Compaction needs equal keys to have equal bytes.
        assertEquals(java.util.Arrays.toString(keyBytes), java.util.Arrays.toString(keySerde.serializer()
                .serialize(Topics.INDICATORS_PATENT, new IndicatorKey("patent.world_share", "BE", "AGRI", 2020))));
        assertEquals(key, keySerde.deserializer().deserialize(Topics.INDICATORS_PATENT, keyBytes));
        assertEquals(value, valueSerde.deserializer().deserialize(Topics.INDICATORS_PATENT,
                valueSerde.serializer().serialize(Topics.INDICATORS_PATENT, value)));
    }
}
