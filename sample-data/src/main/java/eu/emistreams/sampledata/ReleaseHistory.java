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
 * Everything that determines a generated release: the base seed and size, and the list of
 * revisions applied since. Written next to the tables as {@value #MANIFEST}, so that a revision
 * can regenerate the previous release's unchanged applications exactly.
 *
 * <p>Applications live in numbered slots. Release 1 fills slots {@code [0, initialSlots)}; each
 * revision changes or removes existing slots by a per-slot coin toss and appends new slots.
 */
record ReleaseHistory(long baseSeed, int transnational, long initialSlots, int persons, int messPerKind,
        List<Revision> revisions) {

    static final String MANIFEST = "emi-generator.properties";

    private static final long SALT_REVISE = 101;

    /** One revision: its seed, the fraction of applications touched, and the slots it added. */
    record Revision(long seed, double fraction, long firstAddedSlot, long added) {
    }

    /** A slot as of one release: whether it exists there and which version of it. */
    record SlotState(boolean alive, int version, int changes) {
        static final SlotState ABSENT = new SlotState(false, -1, 0);
    }

    /** 0 for the first release, n after n revisions. */
    int revision() {
        return revisions.size();
    }

    long totalSlots() {
        return revisions.isEmpty() ? initialSlots : revisions.get(revisions.size() - 1).firstAddedSlot()
                + revisions.get(revisions.size() - 1).added();
    }

    ReleaseHistory plus(Revision revision) {
        List<Revision> next = new ArrayList<>(revisions);
        next.add(revision);
        return new ReleaseHistory(baseSeed, transnational, initialSlots, persons, messPerKind, List.copyOf(next));
    }

    /**
     * Replays the revisions on one slot: in each, a third of {@code fraction} of the slots get a
     * new version, a third are removed (the last third of the fraction are the added slots).
     */
    SlotState state(long slot, int atRevision) {
        int born = bornIn(slot);
        if (born < 0 || born > atRevision) {
            return SlotState.ABSENT;
        }
        int version = born;
        int changes = 0;
        for (int r = born + 1; r <= atRevision; r++) {
            Revision revision = revisions.get(r - 1);
            double toss = SeededHash.unit(SeededHash.hash(revision.seed(), slot, 0, SALT_REVISE));
            if (toss < revision.fraction() / 3) {
                version = r;
                changes++;
            } else if (toss < 2 * revision.fraction() / 3) {
                return new SlotState(false, version, changes);
            }
        }
        return new SlotState(true, version, changes);
    }

    private int bornIn(long slot) {
        if (slot < initialSlots) {
            return 0;
        }
        for (int r = 1; r <= revisions.size(); r++) {
            Revision revision = revisions.get(r - 1);
            if (slot >= revision.firstAddedSlot() && slot < revision.firstAddedSlot() + revision.added()) {
                return r;
            }
        }
        return -1;
    }

    /** Writes the manifest with the release's facts, in a fixed order and without a timestamp. */
    void write(Path directory, Map<String, Long> facts) throws IOException {
        Map<String, String> lines = new TreeMap<>();
        lines.put("format", "1");
        lines.put("base.seed", Long.toString(baseSeed));
        lines.put("base.transnational", Integer.toString(transnational));
        lines.put("base.slots", Long.toString(initialSlots));
        lines.put("base.persons", Integer.toString(persons));
        lines.put("base.mess-per-kind", Integer.toString(messPerKind));
        lines.put("revisions", Integer.toString(revisions.size()));
        for (int r = 1; r <= revisions.size(); r++) {
            Revision revision = revisions.get(r - 1);
            lines.put("revision." + r + ".seed", Long.toString(revision.seed()));
            lines.put("revision." + r + ".fraction", Double.toString(revision.fraction()));
            lines.put("revision." + r + ".first-added-slot", Long.toString(revision.firstAddedSlot()));
            lines.put("revision." + r + ".added", Long.toString(revision.added()));
        }
        facts.forEach((key, value) -> lines.put("fact." + key, Long.toString(value)));
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            out.write("# Written by eu.emistreams.sampledata.PatstatGenerator: what this release is and holds.\n");
            for (Map.Entry<String, String> line : lines.entrySet()) {
                out.write(line.getKey() + "=" + line.getValue() + "\n");
            }
        }
    }

    static ReleaseHistory read(Path directory) throws IOException {
        Path manifest = directory.resolve(MANIFEST);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new IOException(directory + " was not written by the PATSTAT generator: " + MANIFEST + " is missing", e);
        }
        int count = Integer.parseInt(required(properties, "revisions"));
        List<Revision> revisions = new ArrayList<>();
        for (int r = 1; r <= count; r++) {
            revisions.add(new Revision(
                    Long.parseLong(required(properties, "revision." + r + ".seed")),
                    Double.parseDouble(required(properties, "revision." + r + ".fraction")),
                    Long.parseLong(required(properties, "revision." + r + ".first-added-slot")),
                    Long.parseLong(required(properties, "revision." + r + ".added"))));
        }
        return new ReleaseHistory(
                Long.parseLong(required(properties, "base.seed")),
                Integer.parseInt(required(properties, "base.transnational")),
                Long.parseLong(required(properties, "base.slots")),
                Integer.parseInt(required(properties, "base.persons")),
                Integer.parseInt(required(properties, "base.mess-per-kind")),
                List.copyOf(revisions));
    }

    /** The facts recorded in a release's manifest. */
    static Map<String, Long> readFacts(Path directory) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, Long> facts = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("fact.")) {
                facts.put(name.substring("fact.".length()), Long.parseLong(properties.getProperty(name)));
            }
        }
        return facts;
    }

    private static String required(Properties properties, String key) throws IOException {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IOException(MANIFEST + ": missing " + key);
        }
        return value;
    }
}
