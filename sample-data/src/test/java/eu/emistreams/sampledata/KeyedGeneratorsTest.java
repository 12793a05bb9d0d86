package eu.emistreams.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Comtrade, Prodcom and Crunchbase generators: layouts, facts, determinism, revisions, coverage. */
class KeyedGeneratorsTest {

    private static final List<String> EU27 = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
            "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    @TempDir
    Path temp;

    @Test
    void comtradeWritesTheApiLayoutWithItsMessAndEveryEuReporter() throws IOException {
        GeneratedRelease release = new ComtradeGenerator().generate(temp.resolve("R1"), 3, 8_000);
        assertEquals(8, release.files().size(), "one file per year 2015-2022");
        long rows = 0;
        Set<String> levels = new HashSet<>();
        Set<String> codes = new HashSet<>();
        Set<String> classifications = new HashSet<>();
        boolean trailingSpace = false;
        boolean quotedComma = false;
        for (Path file : release.files()) {
            List<CSVRecord> records = read(file, ComtradeGenerator.COLUMNS);
            rows += records.size();
            assertEquals(release.fact("rows." + file.getFileName()), records.size());
            for (CSVRecord record : records) {
                assertEquals(47, record.size());
                levels.add(record.get("aggrLevel"));
                codes.add(record.get("cmdCode"));
                classifications.add(record.get("classificationCode") + record.get("refYear"));
                trailingSpace |= record.get("motCode").equals("0 ") || record.get("mosCode").equals("0 ");
                quotedComma |= record.get("cmdDesc").contains(",");
            }
        }
        assertEquals(release.fact("rows"), rows);
        assertEquals(Set.of("0", "2", "4", "6"), levels);
        assertTrue(codes.containsAll(Set.of("854140", "854143", "850231", "841861", "850760", "TOTAL", "85", "8541")));
        assertTrue(classifications.contains("H52021") && classifications.contains("H62022"));
        assertTrue(trailingSpace && quotedComma);
        for (String country : EU27) {
            assertTrue(release.fact("keys." + country) > 0, country);
        }
        assertEquals(release.fact("rows"), release.fact("rows.hs6_total") + release.fact("rows.hs2")
                + release.fact("rows.hs4") + release.fact("rows.total") + release.fact("rows.partner")
                + release.fact("rows.customs_split") + release.fact("rows.mot_split") + release.fact("rows.reexport")
                + release.fact("rows.na_value") + release.fact("rows.thousands_separator")
                + release.fact("rows.repeated_key"));
        assertEquals(release.fact("rows.hs6_total"), release.fact("revision.keys.new_or_changed"));
    }

    @Test
    void prodcomWritesTwoExtractionsThatDifferAsRealOnesDo() throws IOException {
        GeneratedRelease release = new ProdcomGenerator().generate(temp.resolve("R1"), 5, 4_000);
        List<String> withFlag = new ArrayList<>(ProdcomGenerator.HEADER);
        withFlag.add("OBS_FLAG");
        List<CSVRecord> first = read(release.files().get(0), ProdcomGenerator.HEADER);
        List<CSVRecord> second = read(release.files().get(1), withFlag);
        Set<String> firstReporters = new HashSet<>();
        first.forEach(record -> firstReporters.add(record.get("reporter")));
        Set<String> secondReporters = new HashSet<>();
        second.forEach(record -> secondReporters.add(record.get("reporter")));
        assertTrue(firstReporters.contains("GR") && !firstReporters.contains("EL") && firstReporters.contains("EU27_2020"));
        assertTrue(secondReporters.contains("EL") && !secondReporters.contains("GR"));
        assertTrue(first.stream().allMatch(record -> record.get("product").matches("\\d{8}")));
        assertTrue(second.stream().anyMatch(record -> record.get("product").matches("\\d\\d\\.\\d\\d\\.\\d\\d\\.\\d\\d")));
        assertTrue(second.stream().anyMatch(record -> record.get("OBS_FLAG").equals("c") && record.get("OBS_VALUE").isEmpty()));
        assertEquals(release.fact("rows"), first.size() + second.size());
        assertEquals(release.fact("rows"), release.fact("rows.prodval") + release.fact("rows.prodqnt")
                + release.fact("rows.aggregate_prodval") + release.fact("rows.confidential_flagged")
                + release.fact("rows.missing_value") + release.fact("rows.greece_overlap") + release.fact("rows.bad_product"));
        assertTrue(release.fact("cells.confidential_absent") > 0);
        for (String country : EU27) {
            assertTrue(release.fact("keys." + country) > 0, country);
        }
        assertTrue(first.stream().anyMatch(record -> record.get("product").equals("26112240")));
    }

    @Test
    void crunchbaseWritesOrganizationsAndRoundsThatJoin() throws IOException {
        GeneratedRelease release = new CrunchbaseGenerator().generate(temp.resolve("R1"), 9, 3_000);
        List<CSVRecord> organizations = read(release.files().get(0), List.of(CrunchbaseGenerator.ORGANIZATION_COLUMNS));
        List<CSVRecord> rounds = read(release.files().get(1), List.of(CrunchbaseGenerator.ROUND_COLUMNS));
        assertEquals(release.fact("organizations.rows"), organizations.size());
        assertEquals(release.fact("rounds.rows"), rounds.size());
        Set<String> uuids = new HashSet<>();
        organizations.forEach(record -> uuids.add(record.get("uuid")));
        long orphans = rounds.stream().filter(record -> !uuids.contains(record.get("org_uuid"))).count();
        assertEquals(release.fact("rounds.orphan"), orphans);
        Set<String> types = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        rounds.forEach(record -> {
            types.add(record.get("investment_type"));
            years.add(Integer.parseInt(record.get("announced_on").substring(0, 4)));
        });
        assertTrue(types.containsAll(List.of("seed", "series_a", "private_equity", "grant", "debt_financing",
                "post_ipo_equity", "")), types.toString());
        assertEquals(2013, years.stream().mapToInt(Integer::intValue).min().orElseThrow());
        assertEquals(2024, years.stream().mapToInt(Integer::intValue).max().orElseThrow());
        assertTrue(rounds.stream().anyMatch(record -> record.get("raised_amount_usd").isEmpty()));
        assertTrue(organizations.stream().anyMatch(record -> record.get("category_list").contains(",")
                && record.get("category_list").contains("Solar")));
        assertTrue(organizations.stream().anyMatch(record -> record.get("country_code").isEmpty()));
        assertTrue(organizations.stream().anyMatch(record -> record.get("short_description").contains("\n")));
        assertTrue(release.fact("keys.BE") > 0);
        assertEquals(release.fact("rounds.rows"), release.fact("rounds.published") + release.fact("rounds.bad_date")
                + release.fact("rounds.blank_type") + release.fact("rounds.repeated") + release.fact("rounds.orphan"));
    }

    @Test
    void theSameSeedWritesTheSameBytesAndARevisionOfNothingChangesNoFile() throws IOException {
        List<Generator> generators = List.of(
                new Generator(new ComtradeGenerator()::generate, new ComtradeGenerator()::revise),
                new Generator(new ProdcomGenerator()::generate, new ProdcomGenerator()::revise),
                new Generator(new CrunchbaseGenerator()::generate, new CrunchbaseGenerator()::revise));
        int n = 0;
        for (Generator generator : generators) {
            Path a = temp.resolve("a" + n);
            Path b = temp.resolve("b" + n);
            Path same = temp.resolve("same" + n++);
            GeneratedRelease first = generator.generate().write(a, 77, 1_500);
            generator.generate().write(b, 77, 1_500);
            GeneratedRelease unchanged = generator.revise().write(a, same, 78, 0.0);
            for (Path file : first.files()) {
                byte[] bytes = Files.readAllBytes(file);
                assertArrayEquals(bytes, Files.readAllBytes(b.resolve(file.getFileName())), file.toString());
                assertArrayEquals(bytes, Files.readAllBytes(same.resolve(file.getFileName())), file.toString());
            }
            assertEquals(0, unchanged.fact("revision.keys.new_or_changed") + unchanged.fact("revision.keys.retracted"));
            assertEquals(first.fact("revision.keys.new_or_changed"), unchanged.fact("revision.keys.unchanged"));
        }
    }

    @Test
    void aRevisionChangesRemovesAndAddsAboutTheFractionAndKeepsTheRest() throws IOException {
        GeneratedRelease r1 = new ComtradeGenerator().generate(temp.resolve("R1"), 13, 6_000);
        GeneratedRelease r2 = new ComtradeGenerator().revise(r1.directory(), temp.resolve("R2"), 14, 0.3);
        Map<String, String> before = totals(r1);
        Map<String, String> after = totals(r2);
        long unchanged = after.entrySet().stream().filter(total -> total.getValue().equals(before.get(total.getKey())))
                .count();
        long retracted = before.keySet().stream().filter(key -> !after.containsKey(key)).count();
        assertEquals(r2.fact("revision.keys.unchanged"), unchanged);
        assertEquals(r2.fact("revision.keys.retracted"), retracted);
        assertEquals(r2.fact("revision.keys.new_or_changed"), after.size() - unchanged);
        double touched = 1 - (double) unchanged / before.size();
        assertTrue(touched > 0.15 && touched < 0.3, "about two thirds of 0.3 of the keys change or leave: " + touched);
        assertEquals(1, r2.revision());
    }

    /** The publishable World totals at HS6 level of a Comtrade release, by natural key, first row of a key. */
    private static Map<String, String> totals(GeneratedRelease release) throws IOException {
        Map<String, String> totals = new HashMap<>();
        for (Path file : release.files()) {
            for (CSVRecord record : read(file, ComtradeGenerator.COLUMNS)) {
                String value = record.get("primaryValue");
                if (record.get("cmdCode").length() == 6 && record.get("partnerCode").equals("0")
                        && record.get("customsCode").strip().equals("C00") && record.get("motCode").strip().equals("0")
                        && !record.get("flowCode").equals("RX") && value.matches("[0-9.]+")) {
                    totals.putIfAbsent(String.join("|", record.get("refYear"), record.get("reporterISO"),
                            record.get("flowCode"), record.get("cmdCode")), value);
                }
            }
        }
        return totals;
    }

    private static List<CSVRecord> read(Path file, List<String> header) throws IOException {
        assertTrue(file.getFileName().toString().endsWith(".csv"), "plain files in these tests");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader)
                        .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            assertEquals(header, parser.getHeaderNames(), file.toString());
            return parser.getRecords();
        }
    }

    @FunctionalInterface
    private interface Generate {
        GeneratedRelease write(Path directory, long seed, int count) throws IOException;
    }

    @FunctionalInterface
    private interface Revise {
        GeneratedRelease write(Path previous, Path next, long seed, double fraction) throws IOException;
    }

    private record Generator(Generate generate, Revise revise) {
    }
}
