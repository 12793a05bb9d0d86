package eu.emistreams.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatstatGeneratorTest {

    private static final Pattern PADDED_IPC = Pattern.compile("[A-H]\\d\\d[A-Z] +\\d{1,3}/\\d+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    @TempDir
    Path temp;

    @Test
    void everyTableParsesWithItsHeaderAndTheCountedRows() throws IOException {
        GeneratedRelease release = new PatstatGenerator().generate(temp.resolve("r1"), 7, 2_000);

        Map<String, String[]> headers = Map.of(
                "tls201", ReleaseWriter.TLS201_HEADER, "tls206", ReleaseWriter.TLS206_HEADER,
                "tls207", ReleaseWriter.TLS207_HEADER, "tls209", ReleaseWriter.TLS209_HEADER,
                "tls202", ReleaseWriter.TLS202_HEADER, "tls203", ReleaseWriter.TLS203_HEADER);
        assertEquals(6, release.files().size());
        for (String table : ReleaseWriter.TABLES) {
            Table parsed = Table.read(release.directory(), table, FileCompression.NONE);
            String shortName = table.substring(0, 6);
            assertArrayEquals(headers.get(shortName), parsed.header.toArray(String[]::new), table);
            assertEquals(release.fact(shortName + ".rows"), parsed.records.size(), table);
        }
        assertEquals(2_000, release.fact("tls201.publishable") + release.fact("tls201.unknown_year"));
        assertEquals(release.fact("tls201.rows"), release.sum("tls201.") - release.fact("tls201.rows"));
    }

    @Test
    void containsEachKindOfMessInTheCountedNumbers() throws IOException {
        GeneratedRelease release = new PatstatGenerator().generate(temp.resolve("r1"), 11, 3_000);
        Path dir = release.directory();
        Table appln = Table.read(dir, ReleaseWriter.TLS201, FileCompression.NONE);
        Table person = Table.read(dir, ReleaseWriter.TLS206, FileCompression.NONE);
        Table link = Table.read(dir, ReleaseWriter.TLS207, FileCompression.NONE);
        Table ipc = Table.read(dir, ReleaseWriter.TLS209, FileCompression.NONE);
        Table title = Table.read(dir, ReleaseWriter.TLS202, FileCompression.NONE);
        Table abstracts = Table.read(dir, ReleaseWriter.TLS203, FileCompression.NONE);
        int mess = PatstatGenerator.messPerKind(3_000);

        assertTrue(person.byteOrderMark, "tls206 starts with a byte-order mark");
        Set<String> applnIds = new HashSet<>();
        long unparsableAppln = 0;
        long unknownYear = 0;
        for (CSVRecord record : appln.records) {
            if (DIGITS.matcher(record.get("appln_id")).matches()) {
                applnIds.add(record.get("appln_id"));
            } else {
                unparsableAppln++;
            }
            if (record.get("earliest_filing_year").equals("9999")) {
                unknownYear++;
            }
        }
        assertEquals(mess, unparsableAppln);
        assertEquals(mess, release.fact("tls201.unparsable"));
        assertTrue(unknownYear >= mess, "the chosen unknown-year applications plus national noise");
        assertEquals(mess, release.fact("tls201.unknown_year"));

        Set<String> personIds = new HashSet<>();
        Map<String, Long> junk = new HashMap<>();
        for (CSVRecord record : person.records) {
            personIds.add(record.get("person_id"));
            String code = record.get("person_ctry_code");
            if (!code.matches("[A-Z]{2}") || code.equals("EL") || code.equals("UK")) {
                junk.merge(code, 1L, Long::sum);
            }
        }
        for (String code : List.of("", "--", "..", "75", "be", " de ", "EL", "UK")) {
            assertEquals(mess, junk.getOrDefault(code, 0L), "persons with country code '" + code + "'");
        }

        long missingPerson = 0;
        long missingAppln = 0;
        long unparsableLink = 0;
        long inventorOnly = 0;
        for (CSVRecord record : link.records) {
            if (!DIGITS.matcher(record.get("person_id")).matches()) {
                unparsableLink++;
            } else if (!applnIds.contains(record.get("appln_id"))) {
                missingAppln++;
            } else if (!personIds.contains(record.get("person_id"))) {
                missingPerson++;
            }
            if (record.get("applt_seq_nr").equals("0")) {
                inventorOnly++;
            }
        }
        assertEquals(mess, missingPerson);
        assertEquals(mess, missingAppln);
        assertEquals(mess, unparsableLink);
        assertTrue(inventorOnly > 0);

        long padded = 0;
        long malformedIpc = 0;
        long orphanIpc = 0;
        long unparsableIpc = 0;
        for (CSVRecord record : ipc.records) {
            if (!record.isConsistent()) {
                malformedIpc++;
                continue;
            }
            if (PADDED_IPC.matcher(record.get("ipc_class_symbol")).matches()
                    && record.get("ipc_class_symbol").contains("  ")) {
                padded++;
            }
            if (!DIGITS.matcher(record.get("appln_id")).matches()) {
                unparsableIpc++;
            } else if (!applnIds.contains(record.get("appln_id"))) {
                orphanIpc++;
            }
        }
        assertTrue(padded > ipc.records.size() / 2, "IPC symbols are padded as PATSTAT pads them");
        assertEquals(mess, malformedIpc);
        assertEquals(mess, orphanIpc);
        assertEquals(mess, unparsableIpc);

        long multiline = 0;
        long malformedTitle = 0;
        boolean beyondLatin1 = false;
        for (CSVRecord record : title.records) {
            if (!record.isConsistent()) {
                malformedTitle++;
                continue;
            }
            String text = record.get("appln_title");
            if (text.contains("\n") && text.contains(",") && text.contains("\"")) {
                multiline++;
            }
            beyondLatin1 |= text.chars().anyMatch(c -> c > 0xFF);
        }
        assertEquals(mess, malformedTitle);
        assertEquals(release.fact("tls202.multiline"), multiline);
        assertTrue(multiline >= 1);
        assertTrue(beyondLatin1, "titles hold characters such as Ł and 中文");
        assertEquals(mess, abstracts.records.stream()
                .filter(record -> !applnIds.contains(record.get("appln_id"))).count());
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        PatstatGenerator generator = new PatstatGenerator();
        generator.generate(temp.resolve("a"), 5, 500);
        generator.generate(temp.resolve("b"), 5, 500);
        generator.generate(temp.resolve("c"), 6, 500);
        for (String table : ReleaseWriter.TABLES) {
            String file = table + ".csv";
            assertArrayEquals(Files.readAllBytes(temp.resolve("a").resolve(file)),
                    Files.readAllBytes(temp.resolve("b").resolve(file)), file);
        }
        assertFalse(Files.readString(temp.resolve("a/tls209_appln_ipc.csv"))
                .equals(Files.readString(temp.resolve("c/tls209_appln_ipc.csv"))));
    }

    @Test
    void aRevisionTouchesAboutTheFractionAskedAndKeepsTheRestIdentical() throws IOException {
        PatstatGenerator generator = new PatstatGenerator();
        generator.generate(temp.resolve("r1"), 21, 6_000);
        GeneratedRelease r2 = generator.revise(temp.resolve("r1"), temp.resolve("r2"), 22, 0.3);

        Map<String, String> before = applicationLines(temp.resolve("r1"));
        Map<String, String> after = applicationLines(temp.resolve("r2"));
        long removed = before.keySet().stream().filter(id -> !after.containsKey(id)).count();
        long added = after.keySet().stream().filter(id -> !before.containsKey(id)).count();
        long changed = before.keySet().stream()
                .filter(after::containsKey)
                .filter(id -> !before.get(id).equals(after.get(id)))
                .count();
        long touched = removed + added + changed;
        double share = (double) touched / before.size();
        assertTrue(share > 0.25 && share < 0.35, "touched " + share + " of the applications, asked 0.3");
        assertTrue(removed > 0 && added > 0 && changed > 0);
        assertEquals(r2.fact("revision.slots.removed"), removed);
        assertEquals(r2.fact("revision.slots.added"), added);
        assertEquals(r2.fact("revision.slots.changed"), changed);
        // Persons are a fixed pool: the file does not change at all.
        assertArrayEquals(Files.readAllBytes(temp.resolve("r1/tls206_person.csv")),
                Files.readAllBytes(temp.resolve("r2/tls206_person.csv")));
        assertEquals(r2.fact("tls201.publishable"), r2.fact("revision.publishable.new_or_changed")
                + r2.fact("revision.publishable.unchanged"));
    }

    @Test
    void aRevisionOfARevisionReplaysTheWholeHistory() throws IOException {
        PatstatGenerator generator = new PatstatGenerator();
        generator.generate(temp.resolve("r1"), 3, 800);
        generator.revise(temp.resolve("r1"), temp.resolve("r2"), 4, 0.2);
        generator.revise(temp.resolve("r2"), temp.resolve("r3"), 5, 0.2);
        generator.revise(temp.resolve("r1"), temp.resolve("r2-again"), 4, 0.2);
        generator.revise(temp.resolve("r2-again"), temp.resolve("r3-again"), 5, 0.2);
        for (String table : ReleaseWriter.TABLES) {
            String file = table + ".csv";
            assertArrayEquals(Files.readAllBytes(temp.resolve("r3").resolve(file)),
                    Files.readAllBytes(temp.resolve("r3-again").resolve(file)), file);
        }
    }

    @Test
    void gzipAndZipHoldTheSameContentAsPlainFiles() throws IOException {
        new PatstatGenerator().generate(temp.resolve("plain"), 9, 300);
        GeneratedRelease gzip = new PatstatGenerator(FileCompression.GZIP).generate(temp.resolve("gzip"), 9, 300);
        GeneratedRelease zip = new PatstatGenerator(FileCompression.ZIP).generate(temp.resolve("zip"), 9, 300);
        assertTrue(gzip.files().stream().allMatch(file -> file.toString().endsWith(".csv.gz")));
        assertTrue(zip.files().stream().allMatch(file -> file.toString().endsWith(".csv.zip")));
        for (String table : ReleaseWriter.TABLES) {
            List<List<String>> plain = Table.read(temp.resolve("plain"), table, FileCompression.NONE).values();
            assertEquals(plain, Table.read(temp.resolve("gzip"), table, FileCompression.GZIP).values(), table);
            assertEquals(plain, Table.read(temp.resolve("zip"), table, FileCompression.ZIP).values(), table);
        }
    }

    @Test
    void mainWritesARevisionFromTheCommandLine() throws IOException {
        PatstatGenerator.main(new String[] {temp.resolve("r1").toString(), "1", "200", "--gzip"});
        PatstatGenerator.main(new String[] {temp.resolve("r2").toString(), "2", "0",
            "--revise-from", temp.resolve("r1").toString(), "--fraction", "0.5", "--gzip"});
        assertTrue(Files.exists(temp.resolve("r2/tls209_appln_ipc.csv.gz")));
        assertEquals(1, PatstatGenerator.facts(temp.resolve("r2")).entrySet().stream()
                .filter(fact -> fact.getKey().equals("tls201.rows")).count());
    }

    /** appln_id -> the complete tls201 line (the year changes whenever an application changes). */
    private static Map<String, String> applicationLines(Path dir) throws IOException {
        Map<String, String> lines = new HashMap<>();
        for (CSVRecord record : Table.read(dir, ReleaseWriter.TLS201, FileCompression.NONE).records) {
            if (DIGITS.matcher(record.get("appln_id")).matches()) {
                lines.put(record.get("appln_id"), String.join(",", record.values()));
            }
        }
        return lines;
    }

    /** A whole table read back with commons-csv, as an ingest would. */
    private record Table(List<String> header, List<CSVRecord> records, boolean byteOrderMark) {

        static Table read(Path dir, String table, FileCompression compression) throws IOException {
            Path file = dir.resolve(table + ".csv" + compression.suffix());
            try (InputStream raw = Files.newInputStream(file)) {
                InputStream in = switch (compression) {
                    case NONE -> raw;
                    case GZIP -> new GZIPInputStream(raw);
                    case ZIP -> {
                        ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.UTF_8);
                        assertEquals(table + ".csv", zip.getNextEntry().getName());
                        yield zip;
                    }
                };
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                reader.mark(1);
                boolean bom = reader.read() == '\uFEFF';
                if (!bom) {
                    reader.reset();
                }
                CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
                try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                    return new Table(parser.getHeaderNames(), new ArrayList<>(parser.getRecords()), bom);
                }
            }
        }

        List<List<String>> values() {
            return records.stream().map(CSVRecord::toList).toList();
        }
    }
}
