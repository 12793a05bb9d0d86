package eu.emistreams.sampledata;

import java.io.IOException;
import java.nio.file.Path;

/** What every generator does: write a first release, and write the release after a previous one. */
public interface ReleaseGenerator {

    /** Writes a first release of about {@code count} of the source's natural keys. */
    GeneratedRelease generate(Path directory, long seed, int count) throws IOException;

    /** Writes the release after the one in {@code previousDirectory}, {@code fraction} of it touched. */
    GeneratedRelease revise(Path previousDirectory, Path nextDirectory, long seed, double fraction) throws IOException;

    /** Checks the arguments of a revision, as every generator's {@code revise} does. */
    static void checkRevision(Path previousDirectory, Path nextDirectory, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be within [0, 1], got " + fraction);
        }
        if (previousDirectory.toAbsolutePath().normalize().equals(nextDirectory.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the revision must go to another directory than " + previousDirectory);
        }
    }

    /** Checks the size asked of a first release. */
    static void checkCount(int count, String unit) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one " + unit + ", got " + count);
        }
    }
}
