package eu.emistreams.ingest.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.EventTopics;
import eu.emistreams.ingest.comtrade.ComtradeRules;
import eu.emistreams.ingest.crunchbase.CrunchbaseIngestRun;
import eu.emistreams.ingest.crunchbase.CrunchbaseRules;
import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.RecordAccounting;
import eu.emistreams.ingest.patstat.PatstatIngestRun;
import eu.emistreams.ingest.prodcom.ProdcomRules;
import eu.emistreams.ingest.source.UnreadableInputException;
import eu.emistreams.ingest.testing.KeyedRuns;
import eu.emistreams.ingest.testing.RecordingSink;
import eu.emistreams.sampledata.PatstatGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-based tests of the source readers on arbitrary files, each generated from a seed (the
 * test's name shows it; the same seed gives the same files): Comtrade, Prodcom and Crunchbase
 * files with the required columns among others in any order, fields of any text (quotes,
 * separators, line breaks, huge, empty, NA), rows of the wrong width, other encodings, stray
 * bytes, files cut anywhere; PATSTAT releases from the generator with one table damaged so. A run
 * either refuses a file in one line (UnreadableInputException) or ends with every row read in
 * exactly one bucket; it never crashes otherwise nor hangs; the same bytes give the same
 * accounting and the same events. Written on JUnit with seeded generators rather than a
 * property-testing library: the inputs are specific to these files, and a failing seed is the
 * whole reproduction.
 */
class SourceReadersPropertyTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    static LongStream patstatSeeds() {
        return LongStream.rangeClosed(1, 15);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void comtradeNeverCrashesAndAccountsForEveryRow(long seed) throws Exception {
        Random random = new Random(seed);
        checkRun(new Release(ComtradeRules.SOURCE, List.of(csvFile(random, "C_A_HS_2020.csv", ComtradeRules.REQUIRED_COLUMNS,
                List.of("cmdCode", "primaryValue", "aggrLevel", "isLeaf", "customsCode", "motCode", "refPeriodId"),
                List.of("2020", "BEL", "X", "M", "0", "854140", "8541", "TOTAL", "1500000.5", "NA", "C00", "TRUE", "6",
                        "A", "C")))));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void prodcomNeverCrashesAndAccountsForEveryRow(long seed) throws Exception {
        Random random = new Random(seed);
        checkRun(new Release(ProdcomRules.SOURCE, List.of(csvFile(random, "DS-059358.csv", ProdcomRules.REQUIRED_COLUMNS,
                List.of("decl", "unit", "OBS_FLAG"),
                List.of("A", "BE", "EU27_2020", "26111000", "PRODVAL", "PRODQNT", "2020", "1234.5", ":", "C", "EUR")))));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void crunchbaseNeverCrashesAndAccountsForEveryRow(long seed) throws Exception {
        Random random = new Random(seed);
        GeneratedFile organizations = csvFile(random, "organizations.csv", CrunchbaseRules.ORGANIZATION_COLUMNS,
                List.of("name", "founded_on"), List.of("org-1", "org-2", "BEL", "FRA", "Software,Solar", "Biotechnology"));
        GeneratedFile rounds = csvFile(random, "funding_rounds.csv", CrunchbaseRules.ROUND_COLUMNS, List.of("name"),
                List.of("r-1", "r-2", "org-1", "org-2", "seed", "series_a", "2021-03-04", "2021", "1000000", "USD", ""));
        checkRun(new Release(CrunchbaseIngestRun.SOURCE, List.of(organizations, rounds)));
    }

    /** The generator's own release (with the mess of real files) and one of its six tables damaged. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("patstatSeeds")
    void patstatNeverCrashesAndAccountsForEveryRow(long seed) throws Exception {
        Random random = new Random(seed);
        String table = pick(random, List.of("tls201", "tls202", "tls203", "tls206", "tls207", "tls209"));
        Damage damage = pick(random, List.of(Damage.values()));
        Path generated = Files.createTempDirectory("emi-property-patstat-");
        try {
            new PatstatGenerator().generate(generated.resolve("R1"), seed, 60);
            List<GeneratedFile> files = new ArrayList<>();
            try (Stream<Path> paths = Files.list(generated.resolve("R1"))) {
                for (Path path : paths.sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(path);
                    boolean damaged = path.getFileName().toString().startsWith(table);
                    files.add(new GeneratedFile(path.getFileName().toString(),
                            damaged ? damage.apply(bytes, random) : bytes));
                }
            }
            checkRun(new Release("patstat", files));
        } finally {
            delete(generated);
        }
    }

    /** A generated release: file name to bytes. */
    record GeneratedFile(String name, byte[] bytes) {
    }

    record Release(String source, List<GeneratedFile> files) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(source).append(':');
            files.forEach(f -> text.append(' ').append(f.name()).append(" (").append(f.bytes().length).append(" bytes)"));
            return text.toString();
        }
    }

    /** What a run ended with: a refusal, or the accounting and the events sent. */
    record Outcome(String refusal, RecordAccounting.Snapshot counts, List<String> events) {
    }

    private static void checkRun(Release release) {
        Outcome first = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(release), "a run that hangs: " + release);
        Outcome second = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(release), "a run that hangs: " + release);
        assertEquals(first, second, "the same input, another result: " + release);
        if (first.refusal() != null) {
            assertEquals(1, first.refusal().lines().count(), "a refusal in one line: " + first.refusal());
            return;
        }
        RecordAccounting.Snapshot counts = first.counts();
        assertTrue(counts.balanced(), "read = published + ignored + quality + rejected: " + counts);
        assertEquals(counts.read(), counts.sum("read."), "rows read per file add up: " + counts);
    }

    private static Outcome run(Release release) throws Exception {
        Path dir = Files.createTempDirectory("emi-property-");
        try {
            Path files = Files.createDirectories(dir.resolve("R1"));
            for (GeneratedFile file : release.files()) {
                Files.write(files.resolve(file.name()), file.bytes());
            }
            RecordingSink sink = new RecordingSink();
            try {
                RecordAccounting.Snapshot counts;
                if (release.source().equals("patstat")) {
                    IngestJob job = new IngestJob("property", "patstat", "R1", files, null);
                    new PatstatIngestRun(job, dir.resolve("state/patstat"), sink, 16L << 20, 16L << 20).run();
                    counts = job.accounting().snapshot();
                } else {
                    counts = KeyedRuns.run(release.source(), files, "R1", dir.resolve("state"), sink).accounting().snapshot();
                }
                // The reports carry wall-clock times; every other event must be the same, in the same order.
                List<String> events = sink.sent().stream().filter(s -> !s.topic().equals(EventTopics.INGEST_REPORTS.name()))
                        .map(s -> s.topic() + "|" + s.key() + "|" + digest(String.valueOf(s.value()))).toList();
                return new Outcome(null, counts, events);
            } catch (UnreadableInputException e) {
                // A refusal names the file, relative to the run's temporary directory.
                return new Outcome(e.getMessage().replace(dir.toString(), "DIR"), null, List.of());
            }
        } finally {
            delete(dir);
        }
    }

    /**
     * A CSV file: its required columns plus some others, shuffled; up to 30 rows of fields drawn
     * from plausible values and from arbitrary text; then one of the ways real files go wrong.
     */
    private static GeneratedFile csvFile(Random random, String name, List<String> required, List<String> optional,
            List<String> plausible) {
        List<String> columns = new ArrayList<>(required);
        optional.stream().filter(c -> random.nextBoolean()).forEach(columns::add);
        Collections.shuffle(columns, random);
        List<List<String>> rows = new ArrayList<>();
        int count = random.nextInt(31);
        for (int r = 0; r < count; r++) {
            int width = Math.max(0, columns.size() - 2 + random.nextInt(5));
            List<String> row = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                row.add(field(random, plausible));
            }
            rows.add(row);
        }
        Charset charset = pick(random, List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
                StandardCharsets.UTF_16LE));
        Damage damage = pick(random, List.of(Damage.values()));
        return new GeneratedFile(name, damage.apply(render(columns, rows).getBytes(charset), random));
    }

    private static String field(Random random, List<String> plausible) {
        int kind = random.nextInt(11);
        if (kind < 6) {
            return pick(random, plausible);
        }
        if (kind < 9) {
            return text(random, random.nextInt(21), null);
        }
        if (kind < 10) {
            return text(random, random.nextInt(7), "\",\n\r;\t ");
        }
        return "x".repeat(50_000 + random.nextInt(70_000));
    }

    /** Any characters (control characters, surrogates, accents) or only those of {@code alphabet}. */
    private static String text(Random random, int length, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet != null ? alphabet.charAt(random.nextInt(alphabet.length()))
                    : (char) (random.nextBoolean() ? random.nextInt(128) : random.nextInt(0xFFFF)));
        }
        return text.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** How the bytes of a file are damaged. */
    enum Damage {
        NONE, TRUNCATED, STRAY_BYTES, BYTE_ORDER_MARK;

        byte[] apply(byte[] bytes, Random random) {
            int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            return switch (this) {
                case NONE -> bytes;
                case TRUNCATED -> java.util.Arrays.copyOf(bytes, at);
                case STRAY_BYTES -> {
                    byte[] stray = new byte[1 + random.nextInt(8)];
                    random.nextBytes(stray);
                    byte[] out = new byte[bytes.length + stray.length];
                    System.arraycopy(bytes, 0, out, 0, at);
                    System.arraycopy(stray, 0, out, at, stray.length);
                    System.arraycopy(bytes, at, out, at + stray.length, bytes.length - at);
                    yield out;
                }
                case BYTE_ORDER_MARK -> {
                    byte[] out = new byte[bytes.length + 3];
                    out[0] = (byte) 0xEF;
                    out[1] = (byte) 0xBB;
                    out[2] = (byte) 0xBF;
                    System.arraycopy(bytes, 0, out, 3, bytes.length);
                    yield out;
                }
            };
        }
    }

    /** RFC 4180 as an export writes it: fields quoted when they need it. */
    private static String render(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        appendRow(csv, header);
        rows.forEach(row -> appendRow(csv, row));
        return csv.toString();
    }

    private static void appendRow(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String field = fields.get(i);
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                csv.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(field);
            }
        }
        csv.append('\n');
    }

    /** Short, so that a failure's message shows the difference rather than megabytes of fields. */
    private static String digest(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
