package eu.emistreams.sampledata;

import eu.emistreams.sampledata.ReleaseHistory.Revision;
import eu.emistreams.sampledata.ReleaseHistory.SlotState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Generates PATSTAT Global releases in the real layout: the six tables the ingest reads
 * (tls201, tls206, tls207, tls209, tls202, tls203), RFC 4180 CSV with a header row, UTF-8,
 * plain, gzipped or zipped, with the mess of real extracts in small known numbers (padded IPC
 * symbols, junk country codes, multi-line quoted titles, unknown years, orphan, unparsable and
 * malformed rows). The output is a deterministic function of the seed.
 *
 * <p>{@link #revise} writes the next full snapshot: a fraction of the applications changed,
 * removed or added, every other application written exactly as before. Each release directory
 * carries {@value ReleaseHistory#MANIFEST}, which records how to regenerate it and the facts
 * of {@link GeneratedRelease}.
 */
public final class PatstatGenerator implements ReleaseGenerator {

    private final FileCompression compression;

    public PatstatGenerator() {
        this(FileCompression.NONE);
    }

    public PatstatGenerator(FileCompression compression) {
        this.compression = compression;
    }

    /** Writes a first release holding {@code transnationalApplications} WO and direct EP applications. */
    @Override
    public GeneratedRelease generate(Path directory, long seed, int transnationalApplications) throws IOException {
        ReleaseGenerator.checkCount(transnationalApplications, "transnational application");
        long slots = 0;
        int transnational = 0;
        while (transnational < transnationalApplications) {
            if (ApplicationKind.of(seed, slots).transnational) {
                transnational++;
            }
            slots++;
        }
        int persons = (int) Math.max(2L * PatstatVocabulary.COUNTRIES.size() + 40, Math.round(slots * 0.9));
        ReleaseHistory history = new ReleaseHistory(seed, transnationalApplications, slots, persons,
                messPerKind(transnationalApplications), List.of());
        return new ReleaseWriter(directory, history, compression).write();
    }

    /**
     * Writes the release after the one in {@code previousDirectory}: of its applications, about
     * {@code fraction / 3} get a new version (other IPC codes, applicants, title, a year later),
     * {@code fraction / 3} disappear, and {@code fraction / 3} as many new ones appear.
     */
    @Override
    public GeneratedRelease revise(Path previousDirectory, Path nextDirectory, long seed, double fraction)
            throws IOException {
        ReleaseGenerator.checkRevision(previousDirectory, nextDirectory, fraction);
        ReleaseHistory previous = ReleaseHistory.read(previousDirectory);
        long alive = 0;
        long total = previous.totalSlots();
        for (long slot = 0; slot < total; slot++) {
            SlotState state = previous.state(slot, previous.revision());
            if (state.alive()) {
                alive++;
            }
        }
        long added = Math.round(alive * fraction / 3);
        ReleaseHistory next = previous.plus(new Revision(seed, fraction, total, added));
        return new ReleaseWriter(nextDirectory, next, compression).write();
    }

    /** The facts a generated release directory records. */
    public static Map<String, Long> facts(Path releaseDirectory) throws IOException {
        return ReleaseHistory.readFacts(releaseDirectory);
    }

    /** Each kind of injected mess appears this many times: a handful, growing slowly with size. */
    static int messPerKind(int transnationalApplications) {
        return Math.max(2, Math.min(100, transnationalApplications / 1000));
    }

    /** {@code DIR SEED COUNT [--revise-from DIR --fraction F] [--gzip|--zip]} */
    public static void main(String[] args) throws IOException {
        GeneratorArguments.run("PatstatGenerator", "COUNT", args, PatstatGenerator::new, release -> String.format(
                "wrote PATSTAT release %d to %s: %d applications (%d publishable), %d persons%n", release.revision(),
                release.directory(), release.fact("tls201.rows"), release.fact("tls201.publishable"),
                release.fact("tls206.rows")));
    }
}
