package eu.emistreams.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A PATSTAT release read whole into memory (fine for test-sized data) by the rules of indicators.md
 * §3 and sources.md, written apart from the ingest service to check it.
 *
 * <p>Rejected rows, each counted once: a row whose field count differs from its header's; a row
 * whose identifier or number columns do not parse; a second tls201 row for one appln_id or tls206 row
 * for one person_id; a tls207, tls209, tls202 or tls203 row naming an appln_id that tls201 does not
 * hold; a tls207 row naming a person_id that tls206 does not hold. Rejected rows take no part.
 */
public final class PatstatRelease {

    public static final String TLS201 = "tls201_appln";
    public static final String TLS206 = "tls206_person";
    public static final String TLS207 = "tls207_pers_appln";
    public static final String TLS209 = "tls209_appln_ipc";
    public static final String TLS202 = "tls202_appln_title";
    public static final String TLS203 = "tls203_appln_abstr";
    public static final List<String> TABLES = List.of(TLS201, TLS206, TLS207, TLS209, TLS202, TLS203);

    public static final int UNKNOWN_YEAR = 9999;

    /** One tls201 application with what the other tables say about it. */
    public static final class Application {
        public final long applnId;
        public final String authority;
        public final long internatApplnId;
        public final int earliestFilingYear;
        /** Countries (normalised) of its applicant rows, one entry per row. */
        public final List<String> applicantCountries = new ArrayList<>();
        /** Symbols with all whitespace removed. */
        public final List<String> ipcSymbols = new ArrayList<>();
        public final List<String> titles = new ArrayList<>();
        public final List<String> abstracts = new ArrayList<>();

        Application(long applnId, String authority, long internatApplnId, int earliestFilingYear) {
            this.applnId = applnId;
            this.authority = authority;
            this.internatApplnId = internatApplnId;
            this.earliestFilingYear = earliestFilingYear;
        }

        /** §3: a PCT application, or a direct EP filing (Euro-PCT entries count through their WO). */
        public boolean transnational() {
            return authority.equals("WO") || authority.equals("EP") && internatApplnId == 0;
        }

        /** What the indicators and a change between releases depend on, comparable across releases. */
        public List<Object> content() {
            return List.of(authority, internatApplnId, earliestFilingYear, applicantCountries, ipcSymbols, titles,
                    abstracts);
        }

        /** Transnational with a known priority year: it counts in the indicators. */
        public boolean counted() {
            return transnational() && earliestFilingYear != UNKNOWN_YEAR;
        }
    }

    public record Rejected(String table, long line, String reason) {
    }

    private final Map<Long, Application> applications = new LinkedHashMap<>();
    private final Map<Long, String> personCountries = new HashMap<>();
    private final Map<String, Long> rowsPerTable = new LinkedHashMap<>();
    private final List<Rejected> rejected = new ArrayList<>();

    private PatstatRelease() {
        TABLES.forEach(table -> rowsPerTable.put(table, 0L));
    }

    public static PatstatRelease read(Path directory) {
        PatstatRelease release = new PatstatRelease();
        release.readApplications(directory);
        release.readPersons(directory);
        release.readPersonApplications(directory);
        release.readChildren(directory, TLS209, "ipc_class_symbol",
                (app, value) -> app.ipcSymbols.add(value.replaceAll("\\s+", "")));
        release.readChildren(directory, TLS202, "appln_title", (app, value) -> app.titles.add(value));
        release.readChildren(directory, TLS203, "appln_abstract", (app, value) -> app.abstracts.add(value));
        return release;
    }

    /** Every application tls201 holds, of any authority and year. */
    public Map<Long, Application> applications() {
        return applications;
    }

    public List<Application> countedApplications() {
        return applications.values().stream().filter(Application::counted).toList();
    }

    /** Data rows per table, header excluded, a multi-line quoted row counting once. */
    public Map<String, Long> rowsPerTable() {
        return rowsPerTable;
    }

    public long rowsRead() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }

    public List<Rejected> rejected() {
        return rejected;
    }

    private void readApplications(Path directory) {
        CsvTable.forEachRow(directory, TLS201,
                List.of("appln_id", "appln_auth", "internat_appln_id", "earliest_filing_year"), row -> {
                    count(TLS201);
                    if (!row.wellFormed()) {
                        reject(TLS201, row, "malformed");
                        return;
                    }
                    Long id = parseLong(row.get("appln_id"));
                    String internat = row.get("internat_appln_id").trim();
                    // PATSTAT writes 0 for "no international application"; an empty cell says the same.
                    Long internatId = internat.isEmpty() ? Long.valueOf(0) : parseLong(internat);
                    Integer year = parseInt(row.get("earliest_filing_year"));
                    if (id == null || internatId == null || year == null) {
                        reject(TLS201, row, "unparsable");
                        return;
                    }
                    if (applications.containsKey(id)) {
                        reject(TLS201, row, "duplicate appln_id");
                        return;
                    }
                    applications.put(id, new Application(id, row.get("appln_auth").trim(), internatId, year));
                });
    }

    private void readPersons(Path directory) {
        CsvTable.forEachRow(directory, TLS206, List.of("person_id", "person_ctry_code"), row -> {
            count(TLS206);
            if (!row.wellFormed()) {
                reject(TLS206, row, "malformed");
                return;
            }
            Long id = parseLong(row.get("person_id"));
            if (id == null) {
                reject(TLS206, row, "unparsable");
                return;
            }
            if (personCountries.containsKey(id)) {
                reject(TLS206, row, "duplicate person_id");
                return;
            }
            personCountries.put(id, EmiCodes.normaliseCountry(row.get("person_ctry_code")));
        });
    }

    private void readPersonApplications(Path directory) {
        CsvTable.forEachRow(directory, TLS207, List.of("person_id", "appln_id", "applt_seq_nr"), row -> {
            count(TLS207);
            if (!row.wellFormed()) {
                reject(TLS207, row, "malformed");
                return;
            }
            Long personId = parseLong(row.get("person_id"));
            Long applnId = parseLong(row.get("appln_id"));
            Long applicantSeqNr = parseLong(row.get("applt_seq_nr"));
            if (personId == null || applnId == null || applicantSeqNr == null) {
                reject(TLS207, row, "unparsable");
                return;
            }
            Application application = applications.get(applnId);
            if (application == null) {
                reject(TLS207, row, "missing application");
                return;
            }
            String country = personCountries.get(personId);
            if (country == null) {
                reject(TLS207, row, "missing person");
                return;
            }
            if (applicantSeqNr > 0) {
                application.applicantCountries.add(country);
            }
        });
    }

    private void readChildren(Path directory, String table, String valueColumn,
            BiConsumer<Application, String> attach) {
        CsvTable.forEachRow(directory, table, List.of("appln_id", valueColumn), row -> {
            count(table);
            if (!row.wellFormed()) {
                reject(table, row, "malformed");
                return;
            }
            Long applnId = parseLong(row.get("appln_id"));
            if (applnId == null) {
                reject(table, row, "unparsable");
                return;
            }
            Application application = applications.get(applnId);
            if (application == null) {
                reject(table, row, "missing application");
                return;
            }
            attach.accept(application, row.get(valueColumn));
        });
    }

    private void count(String table) {
        rowsPerTable.merge(table, 1L, Long::sum);
    }

    private void reject(String table, CsvTable.Row row, String reason) {
        rejected.add(new Rejected(table, row.line(), reason));
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseLong(String text) {
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
