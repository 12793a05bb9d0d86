package eu.emistreams.sampledata;

import eu.emistreams.sampledata.CellHistory.CellState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Writes one release of a keyed source's {@link CellHistory}: replaces the release files in the
 * directory, lets the source write its tables, and records the history and the counted facts in
 * the manifest.
 */
abstract class KeyedReleaseWriter {

    /** A cell the previous release did not have; the first release has no previous one. */
    static final CellState ABSENT = new CellState(false, 0);

    final Path directory;
    final CellHistory history;
    final FileCompression compression;
    private final Pattern releaseFiles;
    private final Map<String, Long> facts = new TreeMap<>();

    /** {@code releaseFiles} matches the names of the files a release of the source consists of. */
    KeyedReleaseWriter(Path directory, CellHistory history, FileCompression compression, String releaseFiles) {
        this.directory = directory;
        this.history = history;
        this.compression = compression;
        this.releaseFiles = Pattern.compile(releaseFiles);
    }

    /** Writes the tables of the release; returns their files in order. */
    abstract List<Path> writeTables(int revision) throws IOException;

    final GeneratedRelease write() throws IOException {
        Files.createDirectories(directory);
        // Files of an earlier release, in this or another compression, must not stay beside the new ones.
        try (var entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                if (releaseFiles.matcher(entry.getFileName().toString()).matches()) {
                    Files.delete(entry);
                }
            }
        }
        int revision = history.revision();
        List<Path> files = writeTables(revision);
        history.write(directory, facts);
        return new GeneratedRelease(directory, revision, List.copyOf(files), Map.copyOf(facts));
    }

    /** The cell in the release before {@code revision}: absent before the first. */
    CellState before(long cell, int revision) {
        return revision > 0 ? history.state(cell, revision - 1) : ABSENT;
    }

    /**
     * Counts a natural key against the previous release: published in both with the same value,
     * published now (new or with another value), or published before only.
     */
    void countKey(boolean wasPublished, boolean isPublished, BooleanSupplier sameValue) {
        if (isPublished && wasPublished && sameValue.getAsBoolean()) {
            add("revision.keys.unchanged", 1);
        } else if (isPublished) {
            add("revision.keys.new_or_changed", 1);
        } else if (wasPublished) {
            add("revision.keys.retracted", 1);
        }
    }

    /** Counts the rows of a written file, per file and in all. */
    void countRows(TableWriter file) {
        add("rows." + file.file().getFileName(), file.rows());
        add("rows", file.rows());
    }

    void add(String fact, long amount) {
        facts.merge(fact, amount, Long::sum);
    }
}
