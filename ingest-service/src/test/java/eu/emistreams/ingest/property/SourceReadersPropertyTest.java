package eu.emistreams.ingest.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.Topics;
import eu.emistreams.ingest.comtrade.ComtradeRules;
import eu.emistreams.ingest.crunchbase.CrunchbaseRules;
import eu.emistreams.ingest.job.RecordAccounting;
import eu.emistreams.ingest.prodcom.ProdcomRules;
import eu.emistreams.ingest.source.UnreadableInputException;
import eu.emistreams.ingest.testing.KeyedRuns;
import eu.emistreams.ingest.testing.RecordingSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The keyed source readers (Comtrade, Prodcom, Crunchbase) on arbitrary files: the required
 * columns among others in any order, fields of any text (quotes, separators, line breaks, huge,
 * empty, NA), rows of the wrong width, other encodings and stray bytes, files cut anywhere. A run
 * either refuses a file in one line naming it (UnreadableInputException) or ends with every row
 * read in exactly one bucket; it never crashes otherwise nor hangs; the same bytes give the same
 * accounting and the same events.
 */
class SourceReadersPropertyTest {

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

    @Property(tries = 40)
    void comtradeNeverCrashesAndAccountsForEveryRow(@ForAll("comtrade") Release release) throws Exception {
        checkRun(release);
    }

    @Property(tries = 40)
    void prodcomNeverCrashesAndAccountsForEveryRow(@ForAll("prodcom") Release release) throws Exception {
        checkRun(release);
    }

    @Property(tries = 30)
    void crunchbaseNeverCrashesAndAccountsForEveryRow(@ForAll("crunchbase") Release release) throws Exception {
        checkRun(release);
    }

    private static void checkRun(Release release) throws Exception {
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

    /** What a run ended with: a refusal, or the accounting and the events sent. */
    record Outcome(String refusal, RecordAccounting.Snapshot counts, List<String> events) {
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
                RecordAccounting.Snapshot counts = KeyedRuns.run(release.source(), files, "R1", dir.resolve("state"), sink)
                        .accounting().snapshot();
                // The reports carry wall-clock times; every other event must be the same, in the same order.
                List<String> events = sink.sent().stream().filter(s -> !s.topic().equals(Topics.INGEST_REPORTS))
                        .map(s -> s.topic() + "|" + s.key() + "|" + digest(String.valueOf(s.value()))).toList();
                return new Outcome(null, counts, events);
            } catch (UnreadableInputException e) {
                // A refusal names the file, relative to the run's temporary directory.
                return new Outcome(e.getMessage().replace(dir.toString(), "DIR"), null, List.of());
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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

    @Provide
    Arbitrary<Release> comtrade() {
        return csvFile("C_A_HS_2020.csv", ComtradeRules.REQUIRED_COLUMNS,
                List.of("cmdCode", "primaryValue", "aggrLevel", "isLeaf", "customsCode", "motCode", "refPeriodId"),
                List.of("2020", "BEL", "X", "M", "0", "854140", "8541", "TOTAL", "1500000.5", "NA", "C00", "TRUE", "6",
                        "A", "C"))
                .map(file -> new Release(ComtradeRules.SOURCE, List.of(file)));
    }

    @Provide
    Arbitrary<Release> prodcom() {
        return csvFile("DS-059358.csv", ProdcomRules.REQUIRED_COLUMNS, List.of("decl", "unit", "OBS_FLAG"),
                List.of("A", "BE", "EU27_2020", "26111000", "PRODVAL", "PRODQNT", "2020", "1234.5", ":", "C", "EUR"))
                .map(file -> new Release(ProdcomRules.SOURCE, List.of(file)));
    }

    @Provide
    Arbitrary<Release> crunchbase() {
        Arbitrary<GeneratedFile> organizations = csvFile("organizations.csv", CrunchbaseRules.ORGANIZATION_COLUMNS,
                List.of("name", "founded_on"), List.of("org-1", "org-2", "BEL", "FRA", "Software,Solar", "Biotechnology"));
        Arbitrary<GeneratedFile> rounds = csvFile("funding_rounds.csv", CrunchbaseRules.ROUND_COLUMNS,
                List.of("name"), List.of("r-1", "r-2", "org-1", "org-2", "seed", "series_a", "2021-03-04", "2021",
                        "1000000", "USD", ""));
        return Combinators.combine(organizations, rounds)
                .as((o, r) -> new Release(eu.emistreams.ingest.crunchbase.CrunchbaseIngestRun.SOURCE, List.of(o, r)));
    }

    /**
     * A CSV file: its required columns plus some others, shuffled; up to 30 rows of fields drawn
     * from plausible values and from arbitrary text; then one of the ways real files go wrong.
     */
    private static Arbitrary<GeneratedFile> csvFile(String name, List<String> required, List<String> optional,
            List<String> plausible) {
        Arbitrary<List<String>> header = Arbitraries.subsetOf(optional).map(extra -> {
            List<String> columns = new ArrayList<>(required);
            columns.addAll(extra);
            return columns;
        }).flatMap(columns -> Arbitraries.shuffle(columns));
        Arbitrary<String> field = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(plausible)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().ofMaxLength(20)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("\",\n\r;\t ").ofMaxLength(6)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(50_000).ofMaxLength(120_000)));
        Arbitrary<String> text = header.flatMap(columns -> Arbitraries.integers().between(0, 30).flatMap(rows ->
                field.list().ofMinSize(Math.max(0, columns.size() - 2)).ofMaxSize(columns.size() + 2).list().ofSize(rows)
                        .map(table -> render(columns, table))));
        Arbitrary<Charset> charset = Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.UTF_8,
                StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE);
        Arbitrary<Damage> damage = Arbitraries.of(Damage.values());
        return Combinators.combine(text, charset, damage, Arbitraries.doubles().between(0, 1),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8))
                .as((csv, encoding, harm, where, stray) -> new GeneratedFile(name, harm.apply(csv.getBytes(encoding), where, stray)));
    }

    /** How the bytes of a file are damaged. */
    enum Damage {
        NONE, TRUNCATED, STRAY_BYTES, BYTE_ORDER_MARK;

        byte[] apply(byte[] bytes, double where, byte[] stray) {
            int at = (int) Math.floor(where * bytes.length);
            return switch (this) {
                case NONE -> bytes;
                case TRUNCATED -> java.util.Arrays.copyOf(bytes, at);
                case STRAY_BYTES -> {
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
}
