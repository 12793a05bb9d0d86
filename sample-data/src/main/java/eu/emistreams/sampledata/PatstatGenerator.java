package eu.emistreams.sampledata;

import eu.emistreams.sampledata.ReleaseHistory.Revision;
import eu.emistreams.sampledata.ReleaseHistory.SlotState;
import java.io.IOException;
import java.nio.file.Path;
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
public final class PatstatGenerator {

    private final FileCompression compression;

    public PatstatGenerator() {
        this(FileCompression.NONE);
    }

    public PatstatGenerator(FileCompression compression) {
        this.compression = compression;
    }

    /** Writes a first release holding {@code transnationalApplications} WO and direct EP applications. */
    public GeneratedRelease generate(Path directory, long seed, int transnationalApplications) throws IOException {
        if (transnationalApplications < 1) {
            throw new IllegalArgumentException("at least one transnational application, got " + transnationalApplications);
        }
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
                messPerKind(transnationalApplications), java.util.List.of());
        return new ReleaseWriter(directory, history, compression).write();
    }

    /**
     * Writes the release after the one in {@code previousDirectory}: of its applications, about
     * {@code fraction / 3} get a new version (other IPC codes, applicants, title, a year later),
     * {@code fraction / 3} disappear, and {@code fraction / 3} as many new ones appear.
     */
    public GeneratedRelease revise(Path previousDirectory, Path nextDirectory, long seed, double fraction)
            throws IOException {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be within [0, 1], got " + fraction);
        }
        if (previousDirectory.toAbsolutePath().normalize().equals(nextDirectory.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the revision must go to another directory than " + previousDirectory);
        }
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

    /**
     * {@code dir seed count [--revise-from DIR --fraction F] [--gzip|--zip]}. With
     * {@code --revise-from}, the size comes from the previous release and {@code count} is unused.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: PatstatGenerator DIR SEED COUNT [--revise-from DIR --fraction F] [--gzip|--zip]");
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        Path reviseFrom = null;
        double fraction = 0.1;
        FileCompression compression = FileCompression.NONE;
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--revise-from" -> reviseFrom = Path.of(value(args, ++i, "--revise-from"));
                case "--fraction" -> fraction = Double.parseDouble(value(args, ++i, "--fraction"));
                case "--gzip" -> compression = FileCompression.GZIP;
                case "--zip" -> compression = FileCompression.ZIP;
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        PatstatGenerator generator = new PatstatGenerator(compression);
        GeneratedRelease release = reviseFrom == null
                ? generator.generate(directory, seed, count)
                : generator.revise(reviseFrom, directory, seed, fraction);
        System.out.printf("wrote PATSTAT release %d to %s: %d applications (%d publishable), %d persons%n",
                release.revision(), directory, release.fact("tls201.rows"), release.fact("tls201.publishable"),
                release.fact("tls206.rows"));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }
}
