package eu.emistreams.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    @Test
    void theDeployStepListsEverySchemaOfTheModule() throws IOException {
        Set<String> declared;
        try (Stream<Path> files = Files.walk(Path.of("src/main/avro"))) {
            declared = files.filter(file -> file.toString().endsWith(".avsc")).map(file -> {
                try {
                    return new Schema.Parser().parse(file.toFile()).getFullName();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
        }
        assertEquals(declared, EventSchemas.ALL.stream().map(Schema::getFullName).collect(Collectors.toSet()),
                "a schema the deploy step does not register cannot be written by a service");
    }
}
