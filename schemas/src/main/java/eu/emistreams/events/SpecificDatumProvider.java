package eu.emistreams.events;

import io.apicurio.registry.serde.avro.AvroDatumProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Reads and writes the generated event classes for the Apicurio serde, with one reader per writer
 * schema and one writer per schema, kept for the life of the serde.
 *
 * <p>Why not the serde's {@code DefaultAvroDatumProvider}: it finds its cached readers and writers
 * by a 64-bit fingerprint of the schema's parsing form, computed again for every record; profiling
 * showed that fingerprint and the datum set-up as the largest single cost of reading and writing
 * events (12 % of the classifier's CPU, 15 % of the query service's). Here the cache key is the
 * schema object itself: the registry client hands out one parsed {@link Schema} per schema id, and
 * a generated class has one {@code SCHEMA$}, so after the first record a lookup is an identity hash.
 *
 * <p>Records are built by a {@link SpecificData} bound to this class's loader, which is the loader
 * of the generated classes (they live in this module): Avro's default goes through the thread
 * context class loader, which under {@code @QuarkusTest} is another one and ends in a
 * ClassCastException (quarkus#27057). A writer schema that differs from the generated class's is
 * resolved by Avro's schema resolution (defaults for missing fields, promotions).
 */
public final class SpecificDatumProvider<T> implements AvroDatumProvider<T> {

    /** A bound on each cache, should a registry client ever hand out a new Schema object per record. */
    private static final int MAX_CACHED_SCHEMAS = 256;

    private static final SpecificData MODEL = new SpecificData(SpecificDatumProvider.class.getClassLoader());

    private final Map<IdentityKey, DatumWriter<T>> writers = new ConcurrentHashMap<>();
    private final Map<IdentityKey, DatumReader<T>> readers = new ConcurrentHashMap<>();

    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
        bound(writers);
        return writers.computeIfAbsent(new IdentityKey(schema), key -> new SpecificDatumWriter<>(schema, MODEL));
    }

    @Override
    public DatumReader<T> createDatumReader(Schema writerSchema) {
        bound(readers);
        return readers.computeIfAbsent(new IdentityKey(writerSchema), key -> {
            Class<?> generated = MODEL.getClass(writerSchema);
            if (generated == null) {
                throw new IllegalArgumentException("no generated class for schema " + writerSchema.getFullName()
                        + ": events are read into the classes of the schemas module");
            }
            return new SpecificDatumReader<>(writerSchema, MODEL.getSchema(generated), MODEL);
        });
    }

    @Override
    public Schema toSchema(T data) {
        return ((GenericContainer) data).getSchema();
    }

    private static void bound(Map<?, ?> cache) {
        if (cache.size() > MAX_CACHED_SCHEMAS) {
            cache.clear();
        }
    }

    /** A map key comparing schemas by identity: no hashing or comparing of the schema's content. */
    private record IdentityKey(Schema schema) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey key && key.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema);
        }
    }
}
