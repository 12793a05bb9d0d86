package eu.emistreams.bench.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline on a release small enough to count by hand, holding every kind of mess the ingest
 * rejects or ignores: each trap row below would change a value if the baseline read it.
 */
class DuckDbBaselineTest {

    private static final String CONCORDANCE = String.join("\n",
            "scheme,pattern,dimension,code",
            "IPC,H01L31/04,TECHNOLOGY,G.REN.SOLAR",
            "IPC,G06N,TECHNOLOGY,D.AI",
            "IPC,H04L9,TECHNOLOGY,D.SEC",
            "IPC,A01B,ECOSYSTEM,AGRI",
            "KEYWORD,wind turbine,TECHNOLOGY,G.REN.WIND",
            "KEYWORD,drone,ECOSYSTEM,AERO",
            "HS6,8541,TECHNOLOGY,G.REN.SOLAR",
            "");

    @TempDir
    static Path directory;

    static Path release;

    @BeforeAll
    static void writeRelease() throws IOException {
        release = directory.resolve("release");
        Files.createDirectories(release);
        write("tls201_appln.csv", false,
                "appln_id,appln_auth,appln_nr,appln_kind,internat_appln_id,earliest_filing_year,appln_filing_year,docdb_family_id",
                "101,WO,A1,W,0,2020,2021,5001",
                "102,EP,A2,A,,2020,2020,5002", // direct EP: a blank internat_appln_id means 0
                "103,EP,A3,A,999,2020,2021,5003", // Euro-PCT: counted through its WO application
                "104,US,A4,A,0,2020,2020,5004",
                "105,WO,A5,W,0,9999,2020,5005", // unknown year
                "106,WO,A6,W,0,2020,2020,",
                "107, wo ,A7,W,0,2019,2019,5007",
                "108,WO,A8,W,0,2019,2019,5008",
                "109,WO,A9,W,0,2019,2019,5009",
                "3O110,WO,A10,W,0,2020,2020,5010", // unparsable id
                "1e2,WO,A11,W,0,2020,2020,5011", // not a whole number for Long.parseLong
                "111,WO,A12,W,0,2020,20x0,5012", // an optional number that does not parse rejects the row
                "101,US,A1,A,0,2018,2018,5001", // duplicate key: the first row counts
                "112,WO,A13,W,0,2020"); // malformed: 6 fields where the header has 8
        write("tls206_person.csv", true,
                "person_id,person_name,person_ctry_code",
                "1,Alpha,BE",
                "2,Beta,FR",
                "3,Gamma, de ",
                "4,Delta,be",
                "5,Epsilon,--",
                "6,Zeta,EL", // not ISO: ZZ
                "1,Alpha again,US", // duplicate person: the first row counts
                "#REF!,Broken,BE");
        write("tls207_pers_appln.csv", false,
                "person_id,appln_id,applt_seq_nr,invt_seq_nr",
                "1,101,1,0",
                "2,101,2,0",
                "3,102,1,0",
                "4,102,2,0",
                "5,102,3,0",
                "1,103,1,0",
                "2,105,1,0",
                "1,106,0,1", // inventor only: 106 has no applicant
                "1,107,1,0",
                "999,107,2,0", // orphan person: not counted in n
                "2,108,1,0",
                "2,109,1,0",
                "2,109,2,0", // the same person twice on one application: the second row is rejected
                "3,109,3,0",
                "1,777,1,0"); // orphan application
        write("tls209_appln_ipc.csv", false,
                "appln_id,ipc_class_symbol,ipc_class_level",
                "101,H01L  31/042,A",
                "101,G06N   3/08,A",
                "102,H04L   9/32,A",
                "103,A01B   1/00,A",
                "106,A01B   1/00,A",
                "109,G06N,A",
                "101,H04L   9/32", // malformed: would tag 101 with D.SEC
                "n/a,G06N   3/08,A",
                "106,\"   \",A");
        write("tls202_appln_title.csv", false,
                "appln_id,appln_title_lg,appln_title",
                "102,en,Wind turbine blade",
                "102,en,Drone", // a second title is rejected
                "107,en,\"Xdrone and solar,\r\n\"\"improved\"\"\"",
                "108,fr,Éwind turbine");
        write("tls203_appln_abstr.csv", false,
                "appln_id,appln_abstract_lg,appln_abstract",
                "106,en,A drone-based sprayer.");
    }

    private static void write(String file, boolean byteOrderMark, String... lines) throws IOException {
        String text = (byteOrderMark ? "\uFEFF" : "") + String.join("\r\n", lines) + "\r\n";
        Files.writeString(release.resolve(file), text, StandardCharsets.UTF_8);
    }

    private static DuckDbBaseline.Result compute(boolean unicodeWordBoundaries) {
        DuckDbBaseline.Settings settings = new DuckDbBaseline.Settings(2, "512MB", directory.resolve("spill"),
                unicodeWordBoundaries);
        return new DuckDbBaseline(settings).compute(release, ConcordanceRules.parse(CONCORDANCE));
    }

    private static double value(Map<IndicatorId, Double> values, String indicator, String country, String code, int year) {
        Double value = values.get(new IndicatorId(indicator, country, code, year));
        if (value == null) {
            throw new AssertionError("no " + indicator + " " + country + " " + code + " " + year);
        }
        return value;
    }

    @Test
    void countsFractionallyWithTheIngestsReadingOfTheMess() {
        DuckDbBaseline.Result result = compute(true);
        Map<IndicatorId, Double> values = result.values();
        assertEquals(6, result.counts().get("weight_unit"), "lcm of the applicant counts 2, 3, 1, 1, 2");
        assertEquals(6, result.counts().get("counted_applications"), "101, 102, 106, 107, 108, 109");

        // 2020: 101 (BE 1/2, FR 1/2), 102 (DE 1/3, BE 1/3, ZZ 1/3), 106 (no applicant: ZZ 1).
        assertEquals(5.0 / 6, value(values, "patent.count", "BE", "G.REN", 2020), 1e-15);
        assertEquals(100 * (5.0 / 6) / 2, value(values, "patent.world_share", "BE", "G.REN", 2020), 1e-12);
        assertEquals(100, value(values, "patent.country_share", "BE", "G.REN", 2020), 1e-12);
        assertEquals(100 * (1.0 / 3) / 2, value(values, "patent.world_share", "ZZ", "G.REN", 2020), 1e-12);
        assertEquals(1.0 / 3, value(values, "patent.count", "DE", "D.SEC", 2020), 1e-15);
        assertEquals(0, value(values, "patent.count", "FR", "D.SEC", 2020), "the malformed IPC row is not read");
        assertEquals(0, value(values, "patent.count", "BE", "AERO", 2020), "the second title is not read");
        assertEquals(1, value(values, "patent.count", "ZZ", "AERO", 2020), "drone-based: a word boundary at the dash");
        assertEquals(1, value(values, "patent.count", "ZZ", "AGRI", 2020));
        assertEquals(0.5, value(values, "patent.count", "BE", "G.REN.SOLAR", 2020), "the padded symbol's group matches");
        assertEquals(0, value(values, "patent.world_share", "BE", "TOUR", 2020), "no application carries TOUR");
    }

    @Test
    void countsTheEu27AsOneEconomyFromItsMembers() {
        Map<IndicatorId, Double> values = compute(true).values();
        // 2020, G.REN: BE 5/6, FR 1/2, DE 1/3 of the 2 applications; the EU27's weight is all G.REN.
        assertEquals(5.0 / 3, value(values, "patent.count", "EU27", "G.REN", 2020), 1e-15);
        assertEquals(100, value(values, "patent.country_share", "EU27", "G.REN", 2020), 1e-12);
        assertEquals(100 * (5.0 / 3) / 2, value(values, "patent.world_share", "EU27", "G.REN", 2020), 1e-12);
        assertEquals(2.0 / 3, value(values, "patent.count", "EU27", "D.SEC", 2020), 1e-15, "DE and BE a third each; ZZ's third is not a member's");
        assertNull(values.get(new IndicatorId("patent.eu27_rank", "EU27", "G.REN", 2020)), "the EU27 is not ranked");
        assertEquals(4, value(values, "patent.eu27_rank", "AT", "G.REN", 2020), "and does not move the members' ranks");
    }

    @Test
    void ranksTheEu27WithCompetitionRanking() {
        Map<IndicatorId, Double> values = compute(true).values();
        assertEquals(1, value(values, "patent.eu27_rank", "BE", "G.REN", 2020));
        assertEquals(2, value(values, "patent.eu27_rank", "FR", "G.REN", 2020));
        assertEquals(3, value(values, "patent.eu27_rank", "DE", "G.REN", 2020));
        assertEquals(4, value(values, "patent.eu27_rank", "AT", "G.REN", 2020), "the 24 members at 0 share rank 4");
        assertEquals(1, value(values, "patent.eu27_rank", "BE", "D.AI", 2020));
        assertEquals(1, value(values, "patent.eu27_rank", "FR", "D.AI", 2020));
        assertEquals(3, value(values, "patent.eu27_rank", "AT", "D.AI", 2020));
        assertEquals(1, value(values, "patent.eu27_rank", "SK", "AGRI", 2020), "all 27 at 0: all first");
        assertNull(values.get(new IndicatorId("patent.eu27_rank", "BE", "TOUR", 2020)), "no rank where P(W) = 0");
        assertNull(values.get(new IndicatorId("patent.eu27_rank", "ZZ", "G.REN", 2020)), "non-members get no rank");
    }

    @Test
    void publishesEveryYearCodeAndCountryWithWeight() {
        Map<IndicatorId, Double> values = compute(true).values();
        assertEquals(Set.of(2019, 2020), values.keySet().stream().map(IndicatorId::year).collect(Collectors.toSet()));
        // 2020: (27 + EU27 + 4 peers + ZZ) x 32 x 3, plus 27 ranks for each of the 7 codes carried that year.
        // 2019: (27 + EU27 + 4 peers) x 32 x 3 (ZZ has no weight), plus 27 ranks for D.AI.
        assertEquals(33 * 32 * 3 + 27 * 7 + 32 * 32 * 3 + 27, values.size());
        assertFalse(values.containsKey(new IndicatorId("patent.count", "ZZ", "D.AI", 2019)));
        assertEquals(0, value(values, "patent.count", "US", "D.AI", 2020), "the US filing is ignored; the peer is there");
        // 2019: 107 (BE 1, the orphan person left out of n), 109 (FR 1/2, DE 1/2: the duplicate link left out).
        assertEquals(0.5, value(values, "patent.count", "FR", "D.AI", 2019));
        assertEquals(100 * 0.5 / 1.5, value(values, "patent.country_share", "FR", "D.AI", 2019), 1e-12);
        assertEquals(0, value(values, "patent.country_share", "BE", "D.AI", 2019));
    }

    @Test
    void keywordBoundariesFollowTheJavaOfTheClassifier() {
        // "éwind turbine": é is a word character for \b on Java 17 and 18, not from Java 19 on.
        Map<IndicatorId, Double> unicode = compute(true).values();
        Map<IndicatorId, Double> ascii = compute(false).values();
        assertEquals(0, value(unicode, "patent.count", "FR", "G.REN.WIND", 2019));
        assertEquals(1, value(ascii, "patent.count", "FR", "G.REN.WIND", 2019));
        assertEquals(1, value(ascii, "patent.count", "FR", "G.REN", 2019), "a child code counts for its parent");
    }

    @Test
    void keywordRegexQuotesThePhraseAndBoundsIt() {
        assertEquals("(^|[^A-Za-z0-9_])e\\-book([^A-Za-z0-9_]|$)", DuckDbBaseline.keywordRegex("e-book", false));
        assertTrue(DuckDbBaseline.keywordRegex("wind turbine", true).contains("\\pL"));
    }

    @Test
    void leastCommonMultiple() {
        assertEquals(60, DuckDbBaseline.lcm(DuckDbBaseline.lcm(DuckDbBaseline.lcm(4, 3), 5), 6));
    }
}
