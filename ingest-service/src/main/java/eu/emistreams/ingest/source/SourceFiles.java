package eu.emistreams.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CSV files of a source that comes as any number of files (Comtrade, Prodcom): a single file,
 * or every {@code *.csv}, {@code *.csv.gz} and {@code *.csv.zip} directly in a directory, in name
 * order so that "the later row" of two means the same on every run. Other files (a README, the
 * generator's manifest) are not part of the release.
 */
public final class SourceFiles {

    private static final Pattern CSV_NAME = Pattern.compile("(?i)(.+)\\.csv(\\.gz|\\.zip)?");

    private SourceFiles() {
    }

    /** The file as a table named after it, or empty when its name is not {@code *.csv[.gz|.zip]}. */
    public static Optional<TableFile> asTableFile(Path file) {
        Matcher name = CSV_NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            return Optional.empty();
        }
        String suffix = name.group(2) == null ? "" : name.group(2).toLowerCase(java.util.Locale.ROOT);
        TableFile.Compression compression = switch (suffix) {
            case ".gz" -> TableFile.Compression.GZIP;
            case ".zip" -> TableFile.Compression.ZIP;
            default -> TableFile.Compression.NONE;
        };
        return Optional.of(new TableFile(name.group(1), file, compression));
    }

    /** The release id a single file suggests: its name without {@code .csv}, {@code .csv.gz} or {@code .csv.zip}. */
    public static String baseName(Path file) {
        Matcher name = CSV_NAME.matcher(file.getFileName().toString());
        return name.matches() ? name.group(1) : file.getFileName().toString();
    }

    /** Whether the directory holds at least one CSV file. */
    public static boolean holdsCsv(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.anyMatch(entry -> Files.isRegularFile(entry) && asTableFile(entry).isPresent());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The CSV files of a release path: the file itself, or those directly in the directory.
     * Fails naming the path when there is none, or when a file is not readable.
     */
    public static List<TableFile> csvFiles(Path path) throws UnreadableInputException {
        List<TableFile> files = new ArrayList<>();
        if (Files.isRegularFile(path)) {
            files.add(asTableFile(path).orElseThrow(() -> new UnreadableInputException(path.getFileName()
                    + ": not a CSV file (expected .csv, .csv.gz or .csv.zip)")));
        } else if (Files.isDirectory(path)) {
            try (Stream<Path> entries = Files.list(path)) {
                entries.filter(Files::isRegularFile)
                        .sorted(Comparator.comparing(entry -> entry.getFileName().toString()))
                        .forEach(entry -> asTableFile(entry).ifPresent(files::add));
            } catch (IOException e) {
                throw new UnreadableInputException(path + ": cannot list the directory (" + e.getMessage() + ")", e);
            }
            if (files.isEmpty()) {
                throw new UnreadableInputException(path + ": no .csv, .csv.gz or .csv.zip file in the directory");
            }
        } else {
            throw new UnreadableInputException(path + ": no such file or directory");
        }
        for (TableFile file : files) {
            if (!Files.isReadable(file.path())) {
                throw new UnreadableInputException(file.fileName() + ": not readable");
            }
        }
        return List.copyOf(files);
    }

    /** Total bytes on disk of the files, the denominator of progress. */
    public static long totalBytes(List<TableFile> files) throws IOException {
        long total = 0;
        for (TableFile file : files) {
            total += file.size();
        }
        return total;
    }
}
