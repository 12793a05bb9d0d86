package eu.emistreams.ingest.keyed;

import eu.emistreams.ingest.source.CsvRow;
import eu.emistreams.ingest.source.CsvTable;
import eu.emistreams.ingest.source.SourceFiles;
import eu.emistreams.ingest.source.TableFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * A source whose release is one CSV file or a directory of them, all of one layout, each row
 * turned into at most one keyed event by its rules (Comtrade, Prodcom).
 *
 * @param name the source's name in URLs, reports and rejects
 * @param topic where its events go
 * @param requiredColumns the columns every file must have
 * @param rules what a row becomes
 * @param setRelease stamps an event with the release that published it
 */
public record CsvFilesSource<T extends SpecificRecord>(String name, String topic, Class<T> type,
        List<String> requiredColumns, Function<CsvRow, RowOutcome<T>> rules, BiConsumer<T, String> setRelease) {

    /** The CSV files of a file or directory, each with the required columns. */
    public List<TableFile> locateAndCheck(Path path) throws IOException {
        List<TableFile> files = SourceFiles.csvFiles(path);
        for (TableFile file : files) {
            CsvTable.check(file, requiredColumns);
        }
        return files;
    }
}
