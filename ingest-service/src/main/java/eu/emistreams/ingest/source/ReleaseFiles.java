package eu.emistreams.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the tables of a release in a directory. Each table may be stored plain, gzipped or
 * zipped; two variants of one table side by side are refused, as the ingest could not tell
 * which one is the release.
 */
public final class ReleaseFiles {

    private ReleaseFiles() {
    }

    /** The file of each table, in the order asked; fails naming the first table that is missing. */
    public static Map<String, TableFile> locate(Path directory, List<String> tables) throws UnreadableInputException {
        if (!Files.isDirectory(directory)) {
            throw new UnreadableInputException(directory + ": not a directory");
        }
        Map<String, TableFile> files = new LinkedHashMap<>();
        for (String table : tables) {
            List<TableFile> variants = new ArrayList<>();
            for (TableFile.Compression compression : TableFile.Compression.values()) {
                Path candidate = directory.resolve(table + compression.suffix());
                if (Files.isRegularFile(candidate)) {
                    variants.add(new TableFile(table, candidate, compression));
                }
            }
            if (variants.isEmpty()) {
                throw new UnreadableInputException(table + ".csv: missing from " + directory
                        + " (looked for .csv, .csv.gz and .csv.zip)");
            }
            if (variants.size() > 1) {
                throw new UnreadableInputException(table + ".csv: stored twice in " + directory + " ("
                        + String.join(", ", variants.stream().map(TableFile::fileName).toList()) + "); keep one");
            }
            TableFile file = variants.get(0);
            if (!Files.isReadable(file.path())) {
                throw new UnreadableInputException(file.fileName() + ": not readable");
            }
            files.put(table, file);
        }
        return files;
    }

    /** Total bytes on disk of the files, the denominator of progress. */
    public static long totalBytes(Map<String, TableFile> files) throws IOException {
        long total = 0;
        for (TableFile file : files.values()) {
            total += file.size();
        }
        return total;
    }
}
