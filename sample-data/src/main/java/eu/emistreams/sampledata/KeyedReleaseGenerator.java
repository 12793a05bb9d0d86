package eu.emistreams.sampledata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the generators of the keyed sources (Comtrade, Prodcom, Crunchbase) share: a first release
 * is a new {@link CellHistory} of some units (products, organizations), a revision the next step of
 * the history in the previous directory, and each release is written by the source's own
 * {@link KeyedReleaseWriter}. A subclass says only how many units a size needs and how to write.
 */
public abstract class KeyedReleaseGenerator implements ReleaseGenerator {

    private final String name;
    private final String unit;
    private final double presence;
    final FileCompression compression;

    /**
     * @param name the source's name in the history's manifest
     * @param unit what {@code count} counts, for the error on a bad size ("flow", "observation"...)
     * @param presence the share of the history's cells present in a release
     */
    KeyedReleaseGenerator(String name, String unit, double presence, FileCompression compression) {
        this.name = name;
        this.unit = unit;
        this.presence = presence;
        this.compression = compression;
    }

    /** The units of the history that give about {@code count} records. */
    abstract long units(int count);

    /** Writes one release of {@code history} to {@code directory}. */
    abstract GeneratedRelease write(Path directory, CellHistory history) throws IOException;

    /** Writes a first release with about {@code count} records of the source. */
    @Override
    public final GeneratedRelease generate(Path directory, long seed, int count) throws IOException {
        ReleaseGenerator.checkCount(count, unit);
        return write(directory, new CellHistory(name, seed, units(count), presence, List.of()));
    }

    /** Writes the release after the one in {@code previousDirectory}, {@code fraction} of its cells touched. */
    @Override
    public final GeneratedRelease revise(Path previousDirectory, Path nextDirectory, long seed, double fraction)
            throws IOException {
        return write(nextDirectory, CellHistory.next(name, previousDirectory, nextDirectory, seed, fraction));
    }

    /** The facts a generated release directory records. */
    public static Map<String, Long> facts(Path releaseDirectory) throws IOException {
        return CellHistory.readFacts(releaseDirectory);
    }
}
