package eu.emistreams.bench.batch;

import eu.emistreams.bench.BenchException;
import eu.emistreams.reference.EmiCodes;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The batch baseline: the patent indicators of indicators.md §3 computed by DuckDB in SQL from the
 * same PATSTAT CSV files the pipeline ingests, with the same reading of messy rows as the ingest
 * service (a row rejected there takes no part here), the same classification as the classifier
 * and the same counting as the indicator service.
 *
 * <p>Sums are exact: every applicant weight {@code 1/n} is held as an integer number of units of
 * {@code 1/L}, L the least common multiple of the applicant counts, so that values come out as
 * the double nearest to the exact fraction (as the indicator service publishes them) and ranks
 * compare world shares rounded half-up to 9 decimals of the exact fraction, in integer arithmetic.
 */
public final class DuckDbBaseline {

    /** Above this the unit sums leave the range where a double holds every integer exactly. */
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /**
     * @param threads DuckDB worker threads
     * @param memoryLimit DuckDB memory limit, e.g. {@code 3GB}, beyond which it spills to {@code spillDirectory}
     * @param unicodeWordBoundaries whether a keyword's word boundary treats every Unicode letter and
     *     digit as a word character, as {@code \b} does on Java 17 and 18, or only ASCII ones, as from
     *     Java 19 on; it must follow the Java the classifier runs on
     */
    public record Settings(int threads, String memoryLimit, Path spillDirectory, boolean unicodeWordBoundaries) {

        /** Every core, the stack's memory budget, and the given word boundaries. */
        public static Settings forThisMachine(Path spillDirectory, boolean unicodeWordBoundaries) {
            return new Settings(Runtime.getRuntime().availableProcessors(), "3GB", spillDirectory,
                    unicodeWordBoundaries);
        }
    }

    /**
     * The indicator values, a few counts that tell what was read, and the seconds spent on each
     * table the computation builds.
     */
    public record Result(Map<IndicatorId, Double> values, Map<String, Long> counts,
            Map<String, Double> secondsByTable) {
    }

    private final Settings settings;
    private final Map<String, Double> secondsByTable = new LinkedHashMap<>();

    public DuckDbBaseline(Settings settings) {
        this.settings = settings;
    }

    /** Whether {@code \b} of the running Java counts Unicode letters and digits as word characters. */
    public static boolean javaWordBoundariesAreUnicode() {
        return Runtime.version().feature() < 19;
    }

    public Result compute(Path releaseDirectory, ConcordanceRules rules) {
        secondsByTable.clear();
        try {
            Files.createDirectories(settings.spillDirectory());
        } catch (IOException e) {
            throw new BenchException("cannot create " + settings.spillDirectory() + ": " + e.getMessage(), e);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = connection.createStatement()) {
            sql.execute("SET threads = " + settings.threads());
            sql.execute("SET memory_limit = " + literal(settings.memoryLimit()));
            sql.execute("SET temp_directory = " + literal(settings.spillDirectory().toString()));
            // Table row ids then follow the file order, which decides the first of duplicate rows.
            sql.execute("SET preserve_insertion_order = true");
            defineMacros(sql);
            loadReferenceTables(connection, sql, rules);
            CsvTables tables = new CsvTables(sql, releaseDirectory);
            loadApplications(sql, tables);
            long unit = loadApplicants(sql, tables);
            loadTags(sql, tables, rules);
            Map<IndicatorId, Double> values = indicators(sql, unit);
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("counted_applications", count(sql, "SELECT count(*) FROM counted"));
            counts.put("applicant_rows", count(sql, "SELECT count(*) FROM applicant"));
            counts.put("ipc_symbols", count(sql, "SELECT count(*) FROM ipc"));
            counts.put("tagged_applications", count(sql, "SELECT count(DISTINCT appln_id) FROM tag_all"));
            counts.put("weight_unit", unit);
            counts.put("indicators", (long) values.size());
            return new Result(values, counts, Map.copyOf(secondsByTable));
        } catch (SQLException e) {
            throw new BenchException("the DuckDB baseline failed: " + e.getMessage(), e);
        }
    }

    /** The ingest's reading of numbers and blanks (PatstatLoader): Java's trim, whole numbers only. */
    private static void defineMacros(Statement sql) throws SQLException {
        sql.execute("CREATE MACRO java_trim(s) AS regexp_replace(s, '^[\\x00-\\x20]+|[\\x00-\\x20]+$', '', 'g')");
        sql.execute("CREATE MACRO blank(s) AS s IS NULL OR regexp_full_match(s, '[\\t\\n\\x0B\\f\\r\\x1C-\\x1F ]*')");
        // TRY_CAST alone would take 1e3 and 1.5, which Long.parseLong refuses.
        sql.execute("""
                CREATE MACRO whole_number(s) AS
                CASE WHEN regexp_full_match(s, '[\\x00-\\x20]*[+-]?[0-9]+[\\x00-\\x20]*')
                THEN TRY_CAST(java_trim(s) AS BIGINT) END""");
        sql.execute("CREATE MACRO whole_int(s) AS TRY_CAST(whole_number(s) AS INTEGER)");
    }

    private void loadReferenceTables(Connection connection, Statement sql, ConcordanceRules rules) throws SQLException {
        sql.execute("CREATE TABLE iso_country (code VARCHAR)");
        insertAll(connection, "INSERT INTO iso_country VALUES (?)",
                Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream().sorted()
                        .map(code -> new Object[] {code}).toList());
        sql.execute("CREATE TABLE eu27 (country VARCHAR)");
        insertAll(connection, "INSERT INTO eu27 VALUES (?)",
                EmiCodes.EU27.stream().map(c -> new Object[] {c}).toList());
        sql.execute("CREATE TABLE peer (country VARCHAR)");
        insertAll(connection, "INSERT INTO peer VALUES (?)",
                EmiCodes.PEERS.stream().map(c -> new Object[] {c}).toList());
        sql.execute("CREATE TABLE emi_code (code VARCHAR)");
        insertAll(connection, "INSERT INTO emi_code VALUES (?)",
                EmiCodes.ALL_CODES.stream().map(c -> new Object[] {c}).toList());
        sql.execute("CREATE TABLE code_parent (code VARCHAR, parent VARCHAR)");
        insertAll(connection, "INSERT INTO code_parent VALUES (?, ?)", EmiCodes.ALL_CODES.stream()
                .filter(c -> EmiCodes.parentOf(c) != null)
                .map(c -> new Object[] {c, EmiCodes.parentOf(c)}).toList());
        sql.execute("CREATE TABLE ipc_rule (subclass VARCHAR, main_group VARCHAR, subgroup_prefix VARCHAR, code VARCHAR)");
        insertAll(connection, "INSERT INTO ipc_rule VALUES (?, ?, ?, ?)", rules.ipcRules().stream()
                .map(r -> new Object[] {r.subclass(), r.mainGroup(), r.subgroupPrefix(), r.code()}).toList());
        sql.execute("CREATE TABLE keyword_rule (phrase VARCHAR, first_word VARCHAR, unicode_regex VARCHAR, code VARCHAR)");
        insertAll(connection, "INSERT INTO keyword_rule VALUES (?, ?, ?, ?)", rules.keywordRules().stream()
                .map(r -> new Object[] {r.phrase(), r.firstWord(), keywordRegex(r.phrase(), true), r.code()})
                .toList());
    }

    /**
     * {@code \bphrase\b} in RE2, which has no Unicode {@code \b}: the phrase between a start or
     * end of text and a character that is not a word character. Phrases start and end with a
     * letter or digit, so this is exactly where {@code \b} holds on both sides.
     */
    static String keywordRegex(String phrase, boolean unicodeWordCharacters) {
        String notWord = unicodeWordCharacters ? "[^\\pL\\p{Nd}_]" : "[^A-Za-z0-9_]";
        StringBuilder regex = new StringBuilder("(^|").append(notWord).append(')');
        for (char c : phrase.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != ' ' && c != '_') {
                regex.append('\\');
            }
            regex.append(c);
        }
        return regex.append("(").append(notWord).append("|$)").toString();
    }

    private void loadApplications(Statement sql, CsvTables tables) throws SQLException {
        CsvTable appln = tables.table("tls201_appln",
                List.of("appln_id", "appln_auth", "internat_appln_id", "earliest_filing_year"));
        createTable(sql, appln.expand("""
                CREATE TABLE appln_rows AS
                SELECT whole_number({appln_id}) AS appln_id,
                       upper(java_trim({appln_auth})) AS authority,
                       coalesce(whole_number({internat_appln_id}), 0) AS internat_appln_id,
                       whole_int({earliest_filing_year}) AS year
                FROM {scan}
                WHERE whole_number({appln_id}) IS NOT NULL
                  AND NOT blank({appln_auth})
                  AND (blank({internat_appln_id}) OR whole_number({internat_appln_id}) IS NOT NULL)
                  AND whole_int({earliest_filing_year}) IS NOT NULL
                  -- optional numbers that are present must parse, or the ingest rejects the row
                  AND (blank({appln_filing_year}) OR whole_int({appln_filing_year}) IS NOT NULL)
                  AND (blank({docdb_family_id}) OR whole_number({docdb_family_id}) IS NOT NULL)"""));
        // A second row of one appln_id is rejected: the first one counts.
        createTable(sql, """
                CREATE TABLE appln AS
                SELECT appln_id, authority, internat_appln_id, year FROM appln_rows
                QUALIFY row_number() OVER (PARTITION BY appln_id ORDER BY rowid) = 1""");
        createTable(sql, """
                CREATE TABLE counted AS
                SELECT appln_id, year FROM appln
                WHERE (authority = 'WO' OR (authority = 'EP' AND internat_appln_id = 0)) AND year <> 9999""");
    }

    /** Loads the applicants and their weights; returns L, the number of weight units in one application. */
    private long loadApplicants(Statement sql, CsvTables tables) throws SQLException {
        CsvTable person = tables.table("tls206_person", List.of("person_id", "person_ctry_code"));
        createTable(sql, person.expand("""
                CREATE TABLE person_rows AS
                SELECT whole_number({person_id}) AS person_id, {person_ctry_code} AS raw_country
                FROM {scan}
                WHERE whole_number({person_id}) IS NOT NULL"""));
        createTable(sql, """
                CREATE TABLE person AS
                SELECT person_id,
                       CASE WHEN upper(java_trim(raw_country)) IN (SELECT code FROM iso_country)
                            THEN upper(java_trim(raw_country)) ELSE 'ZZ' END AS country
                FROM person_rows
                QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY rowid) = 1""");
        CsvTable link = tables.table("tls207_pers_appln", List.of("person_id", "appln_id", "applt_seq_nr"));
        createTable(sql, link.expand("""
                CREATE TABLE link_rows AS
                SELECT whole_number({person_id}) AS person_id,
                       whole_number({appln_id}) AS appln_id,
                       whole_int({applt_seq_nr}) AS applicant_seq
                FROM {scan}
                WHERE whole_number({person_id}) IS NOT NULL
                  AND whole_number({appln_id}) IS NOT NULL
                  AND whole_int({applt_seq_nr}) IS NOT NULL"""));
        // Orphans (application or person missing) take no part; of two rows of one (application,
        // person) the first counts; then only applicants (applt_seq_nr > 0) of counted applications.
        createTable(sql, """
                CREATE TABLE applicant AS
                SELECT l.appln_id, p.country
                FROM (SELECT appln_id, person_id, applicant_seq FROM link_rows
                      WHERE appln_id IN (SELECT appln_id FROM appln)
                        AND person_id IN (SELECT person_id FROM person)
                      QUALIFY row_number() OVER (PARTITION BY appln_id, person_id ORDER BY rowid) = 1) l
                JOIN person p ON p.person_id = l.person_id
                WHERE l.applicant_seq > 0 AND l.appln_id IN (SELECT appln_id FROM counted)""");
        createTable(sql, "CREATE TABLE applicant_count AS SELECT appln_id, count(*) AS n FROM applicant GROUP BY appln_id");
        long unit = 1;
        try (ResultSet counts = sql.executeQuery("SELECT DISTINCT n FROM applicant_count")) {
            while (counts.next()) {
                unit = lcm(unit, counts.getLong(1));
            }
        }
        long applications = count(sql, "SELECT count(*) FROM counted");
        if (BigInteger.valueOf(unit).multiply(BigInteger.valueOf(Math.max(1, applications)))
                .multiply(BigInteger.valueOf(100)).compareTo(BigInteger.valueOf(EXACT_DOUBLE_LIMIT)) >= 0) {
            throw new BenchException("the baseline's exact arithmetic does not cover " + applications
                    + " applications with applicant counts whose least common multiple is " + unit);
        }
        createTable(sql, expand("""
                CREATE TABLE weight AS
                SELECT a.appln_id, a.country, count(*) * ({unit} // c.n) AS units
                FROM applicant a JOIN applicant_count c ON c.appln_id = a.appln_id
                GROUP BY a.appln_id, a.country, c.n
                UNION ALL
                -- an application without applicants gives its whole weight to ZZ
                SELECT appln_id, 'ZZ', {unit} FROM counted
                WHERE appln_id NOT IN (SELECT appln_id FROM applicant_count)""", Map.of("unit", Long.toString(unit))));
        return unit;
    }

    private void loadTags(Statement sql, CsvTables tables, ConcordanceRules rules) throws SQLException {
        CsvTable ipc = tables.table("tls209_appln_ipc", List.of("appln_id", "ipc_class_symbol"));
        // IpcSymbols.normalise: every Java whitespace or Unicode space character removed.
        createTable(sql, ipc.expand("""
                CREATE TABLE ipc AS
                SELECT DISTINCT appln_id, symbol
                FROM (SELECT whole_number({appln_id}) AS appln_id,
                             regexp_replace({ipc_class_symbol}, '[\\s\\x0B\\x1C-\\x1F\\p{Z}]', '', 'g') AS symbol
                      FROM {scan})
                WHERE appln_id IN (SELECT appln_id FROM counted) AND symbol <> ''"""));
        // Subclass, main group (leading zeros dropped, one digit kept) and subgroup, as the classifier cuts them.
        createTable(sql, """
                CREATE TABLE ipc_part AS
                SELECT appln_id, subclass,
                       CASE WHEN ltrim(main_raw, '0') = '' AND main_raw <> '' THEN '0'
                            ELSE ltrim(main_raw, '0') END AS main_group,
                       subgroup
                FROM (SELECT appln_id, left(symbol, 4) AS subclass,
                             CASE WHEN strpos(rest, '/') > 0 THEN left(rest, strpos(rest, '/') - 1)
                                  ELSE rest END AS main_raw,
                             CASE WHEN strpos(rest, '/') > 0 THEN substr(rest, strpos(rest, '/') + 1)
                                  ELSE '' END AS subgroup
                      FROM (SELECT appln_id, symbol, substr(symbol, 5) AS rest FROM ipc WHERE length(symbol) >= 4))""");
        createTable(sql, """
                CREATE TABLE ipc_tag AS
                SELECT DISTINCT p.appln_id, r.code
                FROM ipc_part p JOIN ipc_rule r ON r.subclass = p.subclass
                WHERE r.main_group IS NULL
                   OR (r.main_group = p.main_group AND starts_with(p.subgroup, r.subgroup_prefix))""");

        CsvTable title = tables.table("tls202_appln_title", List.of("appln_id", "appln_title"));
        CsvTable abstracts = tables.table("tls203_appln_abstr", List.of("appln_id", "appln_abstract"));
        createTable(sql, title.expand("""
                CREATE TABLE title_rows AS
                SELECT whole_number({appln_id}) AS appln_id, {appln_title} AS text
                FROM {scan} WHERE whole_number({appln_id}) IS NOT NULL"""));
        createTable(sql, abstracts.expand("""
                CREATE TABLE abstract_rows AS
                SELECT whole_number({appln_id}) AS appln_id, {appln_abstract} AS text
                FROM {scan} WHERE whole_number({appln_id}) IS NOT NULL"""));
        // The first title and the first abstract of an application are its own; later ones are rejected.
        createTable(sql, """
                CREATE TABLE text AS
                SELECT appln_id, 'title' AS field, lower(text) AS text, strlen(text) = length(text) AS ascii
                FROM title_rows WHERE appln_id IN (SELECT appln_id FROM counted)
                QUALIFY row_number() OVER (PARTITION BY appln_id ORDER BY rowid) = 1
                UNION ALL
                SELECT appln_id, 'abstract' AS field, lower(text) AS text, strlen(text) = length(text) AS ascii
                FROM abstract_rows WHERE appln_id IN (SELECT appln_id FROM counted)
                QUALIFY row_number() OVER (PARTITION BY appln_id ORDER BY rowid) = 1""");
        // A phrase can only start where a word of the text equals its first word: join on words,
        // then decide the boundaries with a regex on those few candidates.
        createTable(sql, """
                CREATE TABLE text_word AS
                SELECT DISTINCT appln_id, field, word
                FROM (SELECT appln_id, field, unnest(regexp_extract_all(text, '[a-z0-9_]+')) AS word FROM text)
                WHERE word IN (SELECT first_word FROM keyword_rule)""");
        createTable(sql, """
                CREATE TABLE keyword_candidate AS
                SELECT DISTINCT w.appln_id, w.field, k.phrase, k.unicode_regex
                FROM text_word w JOIN keyword_rule k ON k.first_word = w.word""");
        createTable(sql, """
                CREATE TABLE keyword_match AS
                SELECT c.appln_id, c.phrase
                FROM keyword_candidate c JOIN text t ON t.appln_id = c.appln_id AND t.field = c.field
                WHERE\s""" + phraseMatch(rules, settings.unicodeWordBoundaries()));
        createTable(sql, """
                CREATE TABLE keyword_tag AS
                SELECT DISTINCT m.appln_id, k.code FROM keyword_match m JOIN keyword_rule k ON k.phrase = m.phrase""");
        createTable(sql, """
                CREATE TABLE tag AS
                SELECT appln_id, code FROM ipc_tag UNION SELECT appln_id, code FROM keyword_tag""");
        createTable(sql, """
                CREATE TABLE tag_all AS
                SELECT appln_id, code FROM tag WHERE code IN (SELECT code FROM emi_code)
                UNION
                SELECT t.appln_id, c.parent FROM tag t JOIN code_parent c ON c.code = t.code""");
    }

    /**
     * Whether the candidate's phrase occurs in its text between word boundaries. DuckDB compiles a
     * regex per row when the pattern is a column, so each phrase gets its own constant pattern in
     * one CASE, compiled once. Those use ASCII word characters, which decide alone in an ASCII
     * text; where Unicode letters count too (Java 17 and 18) and the text is not ASCII, the
     * phrase's Unicode pattern is compiled for the row: such candidates are few, and compiling
     * Unicode classes for every phrase up front would cost seconds.
     */
    private static String phraseMatch(ConcordanceRules rules, boolean unicodeWordBoundaries) {
        StringBuilder ascii = new StringBuilder("CASE c.phrase");
        rules.keywordRules().stream().map(ConcordanceRules.KeywordRule::phrase).distinct().forEach(phrase ->
                ascii.append("\n  WHEN ").append(literal(phrase)).append(" THEN regexp_matches(t.text, ")
                        .append(literal(keywordRegex(phrase, false))).append(')'));
        ascii.append("\n  ELSE false END");
        return unicodeWordBoundaries
                ? "CASE WHEN t.ascii THEN " + ascii + " ELSE regexp_matches(t.text, c.unicode_regex) END"
                : ascii.toString();
    }

    private Map<IndicatorId, Double> indicators(Statement sql, long unit) throws SQLException {
        Map<String, String> parameters = Map.of("unit", Long.toString(unit));
        createTable(sql, """
                CREATE TABLE p_country AS
                SELECT c.year, w.country, CAST(sum(w.units) AS HUGEINT) AS units
                FROM weight w JOIN counted c ON c.appln_id = w.appln_id
                GROUP BY c.year, w.country""");
        createTable(sql, """
                CREATE TABLE p_code_country AS
                SELECT c.year, t.code, w.country, CAST(sum(w.units) AS HUGEINT) AS units
                FROM weight w JOIN counted c ON c.appln_id = w.appln_id JOIN tag_all t ON t.appln_id = w.appln_id
                GROUP BY c.year, t.code, w.country""");
        // The EU27 as one economy: the members' sums added up (docs/indicators-implementation.md).
        // The world total is counted from the applications, so these rows do not add to it.
        sql.execute("INSERT INTO p_country SELECT year, 'EU27', sum(units) FROM p_country"
                + " WHERE country IN (SELECT country FROM eu27) GROUP BY year");
        sql.execute("INSERT INTO p_code_country SELECT year, code, 'EU27', sum(units) FROM p_code_country"
                + " WHERE country IN (SELECT country FROM eu27) GROUP BY year, code");
        createTable(sql, expand("""
                CREATE TABLE p_code_world AS
                SELECT c.year, t.code, CAST(count(*) AS HUGEINT) * {unit} AS units
                FROM counted c JOIN tag_all t ON t.appln_id = c.appln_id
                GROUP BY c.year, t.code""", parameters));
        // Every year with a counted application x every code x (the EU27 members, the EU27 economy,
        // the peers and every country with weight that year).
        createTable(sql, """
                CREATE TABLE cell AS
                WITH years AS (SELECT DISTINCT year FROM counted),
                     always AS (SELECT country FROM eu27 UNION SELECT country FROM peer UNION SELECT 'EU27'),
                     countries AS (SELECT y.year, e.country FROM years y CROSS JOIN always e
                                   UNION SELECT year, country FROM p_country WHERE units > 0)
                SELECT g.year, g.country, k.code,
                       coalesce(pcc.units, 0) AS p_ck, coalesce(pc.units, 0) AS p_c, coalesce(pw.units, 0) AS p_w
                FROM countries g CROSS JOIN emi_code k
                LEFT JOIN p_code_country pcc ON pcc.year = g.year AND pcc.code = k.code AND pcc.country = g.country
                LEFT JOIN p_country pc ON pc.year = g.year AND pc.country = g.country
                LEFT JOIN p_code_world pw ON pw.year = g.year AND pw.code = k.code""");
        // The rank orders world shares rounded half-up to 9 decimals, in integers:
        // floor(10^9 * 100 * p_ck / p_w + 1/2) = (2 * 10^11 * p_ck + p_w) // (2 * p_w).
        String query = expand("""
                SELECT 'patent.count' AS indicator, country, code, year, CAST(p_ck AS DOUBLE) / {unit} AS value
                FROM cell
                UNION ALL
                SELECT 'patent.country_share', country, code, year,
                       CASE WHEN p_c = 0 THEN 0 ELSE CAST(100 * p_ck AS DOUBLE) / CAST(p_c AS DOUBLE) END
                FROM cell
                UNION ALL
                SELECT 'patent.world_share', country, code, year,
                       CASE WHEN p_w = 0 THEN 0 ELSE CAST(100 * p_ck AS DOUBLE) / CAST(p_w AS DOUBLE) END
                FROM cell
                UNION ALL
                SELECT 'patent.eu27_rank', country, code, year,
                       CAST(rank() OVER (PARTITION BY year, code
                                         ORDER BY (200000000000 * p_ck + p_w) // (2 * p_w) DESC) AS DOUBLE)
                FROM cell WHERE p_w > 0 AND country IN (SELECT country FROM eu27)""", parameters);
        Map<IndicatorId, Double> values = new HashMap<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.put(new IndicatorId(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4)),
                        rows.getDouble(5));
            }
        }
        return values;
    }

    /** Runs a {@code CREATE TABLE name AS ...} and notes how long it took. */
    private void createTable(Statement sql, String statement) throws SQLException {
        long start = System.nanoTime();
        sql.execute(statement);
        String table = statement.substring("CREATE TABLE ".length(), statement.indexOf(" AS")).strip();
        secondsByTable.put(table, (System.nanoTime() - start) / 1e9);
    }

    /** Inserts rows of text columns; a null is SQL NULL. */
    private static void insertAll(Connection connection, String insert, List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        statement.setNull(i + 1, Types.VARCHAR);
                    } else {
                        statement.setString(i + 1, row[i].toString());
                    }
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Replaces every {@code {name}} of the template; a name without a value is an error. */
    static String expand(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder expanded = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + placeholder.group(1) + "}");
            }
            placeholder.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(expanded).toString();
    }

    static long lcm(long a, long b) {
        BigInteger x = BigInteger.valueOf(a);
        BigInteger y = BigInteger.valueOf(b);
        return x.multiply(y).divide(x.gcd(y)).longValueExact();
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The six tables of a release directory, plain or gzipped, with their columns as the header names them. */
    private static final class CsvTables {
        private final Statement sql;
        private final Path directory;

        CsvTables(Statement sql, Path directory) {
            this.sql = sql;
            this.directory = directory;
        }

        /** The table's file; like the ingest, refuses a file without a required column. */
        CsvTable table(String base, List<String> requiredColumns) throws SQLException {
            Path file = null;
            for (String suffix : List.of(".csv", ".csv.gz")) {
                Path candidate = directory.resolve(base + suffix);
                if (Files.isRegularFile(candidate)) {
                    if (file != null) {
                        throw new BenchException(directory + " holds " + base + " twice (plain and gzipped)");
                    }
                    file = candidate;
                }
            }
            if (file == null) {
                throw new BenchException(directory + " has no " + base + ".csv or " + base + ".csv.gz"
                        + (Files.exists(directory.resolve(base + ".csv.zip")) ? " (the baseline does not read .zip)" : ""));
            }
            // RFC 4180 as the ingest reads it: a row whose field count differs from the header's is skipped.
            String scan = "read_csv(" + literal(file.toString()) + ", header = true, all_varchar = true, delim = ',',"
                    + " quote = '\"', escape = '\"', strict_mode = true, null_padding = false, ignore_errors = true)";
            Map<String, String> columns = new HashMap<>();
            try (ResultSet described = sql.executeQuery("DESCRIBE SELECT * FROM " + scan)) {
                while (described.next()) {
                    String name = described.getString("column_name");
                    // Found by name in any letter case, the first of two equal names winning, as the ingest does.
                    columns.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name);
                }
            }
            for (String required : requiredColumns) {
                if (!columns.containsKey(required)) {
                    throw new BenchException(file + ": missing required column " + required);
                }
            }
            return new CsvTable(scan, columns);
        }
    }

    private record CsvTable(String scan, Map<String, String> columns) {

        /**
         * The template with {@code {scan}} replaced by the table's reader and every other
         * {@code {name}} by that column; a column the header lacks reads as NULL, as the ingest
         * reads an absent optional column.
         */
        String expand(String template) {
            Map<String, String> values = new HashMap<>();
            values.put("scan", scan);
            Matcher placeholder = PLACEHOLDER.matcher(template);
            while (placeholder.find()) {
                String name = placeholder.group(1);
                if (!name.equals("scan")) {
                    String actual = columns.get(name);
                    values.put(name, actual == null ? "CAST(NULL AS VARCHAR)" : "\"" + actual.replace("\"", "\"\"") + "\"");
                }
            }
            return DuckDbBaseline.expand(template, values);
        }
    }
}
