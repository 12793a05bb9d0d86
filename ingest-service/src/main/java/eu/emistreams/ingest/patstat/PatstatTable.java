package eu.emistreams.ingest.patstat;

import java.util.List;

/**
 * The PATSTAT Global tables the ingest reads (sources.md), in load order, with the columns it
 * requires. Other columns of sources.md are read when present: a file without them still has
 * every fact the indicators need.
 */
public enum PatstatTable {
    APPLN("tls201_appln", List.of("appln_id", "appln_auth", "internat_appln_id", "earliest_filing_year")),
    PERSON("tls206_person", List.of("person_id", "person_ctry_code")),
    PERS_APPLN("tls207_pers_appln", List.of("person_id", "appln_id", "applt_seq_nr")),
    APPLN_IPC("tls209_appln_ipc", List.of("appln_id", "ipc_class_symbol")),
    APPLN_TITLE("tls202_appln_title", List.of("appln_id", "appln_title")),
    APPLN_ABSTR("tls203_appln_abstr", List.of("appln_id", "appln_abstract"));

    private final String fileBase;
    private final List<String> requiredColumns;

    PatstatTable(String fileBase, List<String> requiredColumns) {
        this.fileBase = fileBase;
        this.requiredColumns = requiredColumns;
    }

    /** The table's file name without {@code .csv}, e.g. {@code tls201_appln}. */
    public String fileBase() {
        return fileBase;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    public static List<String> fileBases() {
        return java.util.Arrays.stream(values()).map(PatstatTable::fileBase).toList();
    }
}
