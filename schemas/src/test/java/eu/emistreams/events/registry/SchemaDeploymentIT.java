package eu.emistreams.events.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventSchemas;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.stack.test.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The deploy step against the real registry: every schema in place, idempotent, an incompatible change refused. */
class SchemaDeploymentIT {

    private final String registry = TestStack.shared().registryUrl();

    @Test
    void everySchemaIsRegisteredOnceAndServesSerdesThatDoNotRegister() throws Exception {
        SchemaDeployment deployment = new SchemaDeployment(registry);
        List<String> first = deployment.deploy(EventSchemas.ALL);
        List<String> second = deployment.deploy(EventSchemas.ALL);
        assertEquals(EventSchemas.ALL.size(), second.size());
        // Deploying again finds the same version: nothing is added.
        assertEquals(first.stream().map(SchemaDeploymentIT::version).toList(),
                second.stream().map(SchemaDeploymentIT::version).toList(), first + " then " + second);
        for (Schema schema : EventSchemas.ALL) {
            HttpResponse<String> rules = get("/groups/" + schema.getNamespace() + "/artifacts/" + schema.getName()
                    + "/rules/COMPATIBILITY");
            assertEquals(200, rules.statusCode(), schema.getFullName() + " rule: " + rules.body());
            assertTrue(rules.body().contains("BACKWARD"), rules.body());
        }

        // What a service does with emi.registry.auto-register=false: find the deployed version, register nothing.
        AvroSerdes lookupOnly = new AvroSerdes(registry, false);
        Serde<IndicatorValue> values = lookupOnly.valueSerde(IndicatorValue.class);
        Serde<IndicatorKey> keys = lookupOnly.keySerde(IndicatorKey.class);
        IndicatorKey key = IndicatorKey.newBuilder().setIndicator("patent.count").setCountry("BE").setCode("AERO")
                .setYear(2020).build();
        IndicatorValue value = IndicatorValue.newBuilder().setIndicator("patent.count").setCountry("BE")
                .setCode("AERO").setYear(2020).setValue(1.5).setComputedAt(0L)
                .setProvenance(eu.emistreams.events.indicator.Provenance.newBuilder()
                        .setReleases(Map.of("patstat", "R1")).setConcordanceVersion("v1").build())
                .build();
        assertEquals(value, values.deserializer().deserialize("emi.indicators.patent",
                values.serializer().serialize("emi.indicators.patent", value)));
        assertEquals(key, keys.deserializer().deserialize("emi.indicators.patent",
                keys.serializer().serialize("emi.indicators.patent", key)));
        List<String> after = deployment.deploy(EventSchemas.ALL);
        assertEquals(first.stream().map(SchemaDeploymentIT::version).toList(),
                after.stream().map(SchemaDeploymentIT::version).toList(), "the lookups registered nothing");
    }

    @Test
    void aChangeThatBreaksTheReadersOfEarlierVersionsIsRefusedNamingTheSchema() {
        SchemaDeployment deployment = new SchemaDeployment(registry);
        deployment.deploy(EventSchemas.ALL);
        Schema released = IndicatorValue.getClassSchema();
        // A new field without a default: today's readers cannot read yesterday's records with it.
        String broken = released.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"unit\",\"type\":\"string\"},");
        Schema incompatible = new Schema.Parser().parse(broken);
        SchemaDeployment.SchemaDeploymentException refused = assertThrows(SchemaDeployment.SchemaDeploymentException.class,
                () -> deployment.deploy(List.of(incompatible)));
        assertTrue(refused.getMessage().startsWith("eu.emistreams.events.indicator/IndicatorValue is not BACKWARD compatible"),
                refused.getMessage());
    }

    private static String version(String line) {
        return line.replaceFirst("^.*?: (registered, )?version ", "").replace(" in place", "");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
