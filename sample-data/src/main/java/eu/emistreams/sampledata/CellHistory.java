package eu.emistreams.sampledata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Everything that determines a generated release of a keyed source (Comtrade, Prodcom,
 * Crunchbase): the generator, its base seed and size, and the revisions applied since. Written next
 * to the files as {@value #MANIFEST}, so that a revision regenerates the previous release exactly
 * without reading its files back.
 *
 * <p>The source's natural keys are the cells of a fixed grid (reporter × year × flow × product,
 * say). The first release holds a cell with probability {@code initialPresence}; each revision, by a
 * coin toss per cell, gives a third of {@code fraction} of the present cells a new version,
 * removes another third, and adds about as many cells from the absent ones.
 */
record CellHistory(String generator, long baseSeed, long size, double initialPresence, List<Revision> revisions) {

    static final String MANIFEST = "emi-generator.properties";

    private static final long SALT_PRESENCE = 211;
    private static final long SALT_REVISE = 223;

    /** One revision: its seed and the fraction of cells it touches. */
    record Revision(long seed, double fraction) {
    }

    /** A cell as of one release: whether it is there, and which version of it. */
    record CellState(boolean present, int version) {
    }

    /** 0 for the first release, n after n revisions. */
    int revision() {
        return revisions.size();
    }

    CellHistory plus(Revision revision) {
        List<Revision> next = new ArrayList<>(revisions);
        next.add(revision);
        return new CellHistory(generator, baseSeed, size, initialPresence, List.copyOf(next));
    }

    /**
     * The history of the release after the one the named generator wrote in {@code previousDirectory},
     * with the given revision applied.
     */
    static CellHistory next(String generator, Path previousDirectory, Path nextDirectory, long seed, double fraction)
            throws IOException {
        ReleaseGenerator.checkRevision(previousDirectory, nextDirectory, fraction);
        return read(previousDirectory, generator).plus(new Revision(seed, fraction));
    }

    /** Replays the revisions on one cell. */
    CellState state(long cell, int atRevision) {
        boolean present = SeededHash.unit(SeededHash.hash(baseSeed, cell, 0, SALT_PRESENCE)) < initialPresence;
        int version = 0;
        for (int r = 1; r <= atRevision; r++) {
            Revision revision = revisions.get(r - 1);
            double toss = SeededHash.unit(SeededHash.hash(revision.seed(), cell, 0, SALT_REVISE));
            if (present) {
                if (toss < revision.fraction() / 3) {
                    version = r;
                } else if (toss < 2 * revision.fraction() / 3) {
                    present = false;
                }
            } else if (toss < addProbability(revision.fraction())) {
                present = true;
                version = r;
            }
        }
        return new CellState(present, version);
    }

    /** About as many cells come as go: a third of the fraction of the present ones. */
    private double addProbability(double fraction) {
        return initialPresence >= 1 ? 0 : Math.min(1, fraction / 3 * initialPresence / (1 - initialPresence));
    }

    /** Writes the manifest with the release's facts, in a fixed order and without a timestamp. */
    void write(Path directory, Map<String, Long> facts) throws IOException {
        Map<String, String> lines = new TreeMap<>();
        lines.put("format", "1");
        lines.put("generator", generator);
        lines.put("base.seed", Long.toString(baseSeed));
        lines.put("base.size", Long.toString(size));
        lines.put("base.initial-presence", Double.toString(initialPresence));
        lines.put("revisions", Integer.toString(revisions.size()));
        for (int r = 1; r <= revisions.size(); r++) {
            lines.put("revision." + r + ".seed", Long.toString(revisions.get(r - 1).seed()));
            lines.put("revision." + r + ".fraction", Double.toString(revisions.get(r - 1).fraction()));
        }
        facts.forEach((key, value) -> lines.put("fact." + key, Long.toString(value)));
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            out.write("# Written by the " + generator + " generator of eu.emistreams.sampledata: what this release is and holds.\n");
            for (Map.Entry<String, String> line : lines.entrySet()) {
                out.write(line.getKey() + "=" + line.getValue() + "\n");
            }
        }
    }

    /** Reads the history of a release the named generator wrote. */
    static CellHistory read(Path directory, String generator) throws IOException {
        Properties properties = load(directory);
        if (!generator.equals(properties.getProperty("generator"))) {
            throw new IOException(directory + " was not written by the " + generator + " generator ("
                    + MANIFEST + " says " + properties.getProperty("generator") + ")");
        }
        int count = Integer.parseInt(required(properties, "revisions"));
        List<Revision> revisions = new ArrayList<>();
        for (int r = 1; r <= count; r++) {
            revisions.add(new Revision(Long.parseLong(required(properties, "revision." + r + ".seed")),
                    Double.parseDouble(required(properties, "revision." + r + ".fraction"))));
        }
        return new CellHistory(generator, Long.parseLong(required(properties, "base.seed")),
                Long.parseLong(required(properties, "base.size")),
                Double.parseDouble(required(properties, "base.initial-presence")), List.copyOf(revisions));
    }

    /** The facts recorded in a release's manifest. */
    static Map<String, Long> readFacts(Path directory) throws IOException {
        Properties properties = load(directory);
        Map<String, Long> facts = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("fact.")) {
                facts.put(name.substring("fact.".length()), Long.parseLong(properties.getProperty(name)));
            }
        }
        return facts;
    }

    private static Properties load(Path directory) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new IOException(directory + " was not written by a generator: " + MANIFEST + " is missing", e);
        }
        return properties;
    }

    private static String required(Properties properties, String key) throws IOException {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IOException(MANIFEST + ": missing " + key);
        }
        return value;
    }
}
