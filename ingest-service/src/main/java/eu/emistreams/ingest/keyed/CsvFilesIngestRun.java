package eu.emistreams.ingest.keyed;

import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.publish.EventSink;
import eu.emistreams.ingest.source.TableFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** One ingest of one release of a {@link CsvFilesSource}: every CSV file of the path, rows by its rules. */
public final class CsvFilesIngestRun<T extends SpecificRecord> extends KeyedIngestRun<T> {

    private final CsvFilesSource<T> source;

    public CsvFilesIngestRun(CsvFilesSource<T> source, IngestJob job, Path sourceStateDirectory, EventSink sink,
            long storeMemoryBytes) {
        super(source.name(), source.topic(), source.type(), job, sourceStateDirectory, sink, storeMemoryBytes);
        this.source = source;
    }

    @Override
    protected List<TableFile> locate() throws IOException {
        return source.locateAndCheck(job.releasePath());
    }

    @Override
    protected void load(List<TableFile> files) throws IOException {
        for (TableFile file : files) {
            readRows(file, source.requiredColumns(), (table, row) -> apply(table, row, source.rules().apply(row)));
        }
    }

    @Override
    protected void setRelease(T event, String release) {
        source.setRelease().accept(event, release);
    }
}
