package eu.emistreams.ingest.patstat;

import eu.emistreams.events.patstat.Applicant;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.ingest.job.RecordAccounting;
import eu.emistreams.ingest.store.OrderedKeys;
import eu.emistreams.ingest.store.ValueCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.rocksdb.RocksIterator;

/**
 * Joins the stored rows into one {@link PatentApplication} per transnational application, in
 * appln_id order, applying the counting rules of indicators.md §3, and gives every row its
 * place in the accounting. One application's rows are in memory at a time.
 *
 * <p>Precedence for a row: rejected (orphan, duplicate, blank) first; then the application's fate
 * (ignored as not transnational, quality for an unknown year); then the row's own role (an
 * inventor-only tls207 row is ignored); the rest is published.
 */
final class ApplicationAssembler {

    static final int UNKNOWN_YEAR = 9999;

    /** Where assembled applications and rows rejected during assembly go. */
    interface Output {
        void application(PatentApplication application);

        void reject(String file, long line, String reason, String content);
    }

    /** What the rules make of an application. */
    private enum Fate {
        PUBLISH(null), EURO_PCT("euro_pct"), NON_TRANSNATIONAL("non_transnational"), UNKNOWN_YEAR("unknown_year");

        final String detail;

        Fate(String detail) {
            this.detail = detail;
        }
    }

    private final WorkStore store;
    private final Persons persons;
    private final RecordAccounting accounting;
    private final Map<PatstatTable, String> fileNames;

    ApplicationAssembler(WorkStore store, Persons persons, RecordAccounting accounting,
            Map<PatstatTable, String> fileNames) {
        this.store = store;
        this.persons = persons;
        this.accounting = accounting;
        this.fileNames = fileNames;
    }

    /**
     * Assembles the applications with {@code from <= appln_id < to} (null: no bound), counting
     * their rows in {@code rangeAccounting}. Ranges may be assembled at the same time, each on its
     * own thread with its own accounting: the output must then be safe to call from several threads.
     */
    void assembleRange(Long from, Long to, Output output, RecordAccounting rangeAccounting) {
        RangeCounts counts = new RangeCounts();
        Group group = null;
        try (RocksIterator it = store.scanRows()) {
            if (from == null) {
                it.seekToFirst();
            } else {
                it.seek(OrderedKeys.of(from));
            }
            for (; it.isValid(); it.next()) {
                byte[] key = it.key();
                long applnId = StoredRows.applnIdOf(key);
                if (to != null && applnId >= to) {
                    break;
                }
                if (group == null || group.applnId != applnId) {
                    if (group != null) {
                        group.finish(output);
                    }
                    group = new Group(applnId, rangeAccounting, counts);
                }
                byte tag = StoredRows.tagOf(key);
                ValueCodec.Reader run = new ValueCodec.Reader(it.value());
                while (run.hasRemaining()) {
                    group.add(tag, run.getLong(), run, output);
                }
            }
        }
        if (group != null) {
            group.finish(output);
        }
        counts.addTo(rangeAccounting);
    }

    /**
     * The counts of the rows that are not rejected, kept in fields while a range is assembled and
     * added to its accounting at the end: counted one row at a time, the accounting's named details
     * (a name built and looked up in a sorted map per row) were a sixth of the assembly's time.
     */
    private static final class RangeCounts {
        final long[] rowsByFate = new long[Fate.values().length];
        long applicantRowsPublished;
        long inventorOnly;
        long countriesToZz;
        long applicationsWithoutApplicant;

        void addTo(RecordAccounting accounting) {
            for (Fate fate : Fate.values()) {
                long rows = rowsByFate[fate.ordinal()];
                switch (fate) {
                    case PUBLISH -> accounting.published(rows);
                    case UNKNOWN_YEAR -> accounting.quality(fate.detail, rows);
                    default -> accounting.ignored(fate.detail, rows);
                }
            }
            accounting.published(applicantRowsPublished);
            accounting.ignored("inventor_only", inventorOnly);
            accounting.note("country_to_ZZ", countriesToZz);
            accounting.note("applications_without_applicant", applicationsWithoutApplicant);
        }
    }

    /**
     * Counts the tls206 rows, once every application is assembled: a person is published when an
     * applicant of a published application, quality when only of unknown-year ones, else ignored.
     */
    void accountPersons() {
        long[] byUse = new long[WorkStore.USED_BY_PUBLISHED + 1];
        persons.countUses(highestUse -> byUse[highestUse]++);
        accounting.published(byUse[WorkStore.USED_BY_PUBLISHED]);
        accounting.quality("unknown_year", byUse[WorkStore.USED_BY_QUALITY]);
        accounting.ignored("person_not_applicant", byUse[0]);
    }

    /** The rows of one appln_id, tls201 first (the key order puts it there). */
    private final class Group {
        final long applnId;
        /** Takes the rejects; every other row is counted in {@link #counts}. */
        final RecordAccounting accounting;
        final RangeCounts counts;
        StoredRows.Appln appln;
        Fate fate;
        final List<Applicant> applicants = new ArrayList<>();
        final Set<Long> linkedPersons = new HashSet<>();
        final List<String> ipcSymbols = new ArrayList<>();
        StoredRows.Text title;
        StoredRows.Text abstractText;
        boolean titleSeen;
        boolean abstractSeen;

        Group(long applnId, RecordAccounting accounting, RangeCounts counts) {
            this.applnId = applnId;
            this.accounting = accounting;
            this.counts = counts;
        }

        void add(byte tag, long line, ValueCodec.Reader value, Output output) {
            switch (tag) {
                case StoredRows.TAG_APPLN -> addAppln(StoredRows.Appln.decode(line, applnId, value), output);
                case StoredRows.TAG_LINK -> addLink(StoredRows.Link.decode(line, applnId, value), output);
                case StoredRows.TAG_IPC -> addIpc(StoredRows.Ipc.decode(line, applnId, value), output);
                case StoredRows.TAG_TITLE -> addTitle(StoredRows.Text.decode(line, applnId, value), output);
                case StoredRows.TAG_ABSTRACT -> addAbstract(StoredRows.Text.decode(line, applnId, value), output);
                default -> throw new IllegalStateException("unknown row tag " + tag);
            }
        }

        private void addAppln(StoredRows.Appln row, Output output) {
            if (appln != null) {
                reject(output, PatstatTable.APPLN, row.line(), "duplicate_key",
                        "appln_id " + applnId + " appears more than once (first on line " + appln.line() + ")", row.content());
                return;
            }
            appln = row;
            fate = fateOf(row);
            count(fate);
        }

        private void addLink(StoredRows.Link row, Output output) {
            if (orphan(output, PatstatTable.PERS_APPLN, row.line(), row::content)) {
                return;
            }
            if (!persons.contains(row.personId())) {
                reject(output, PatstatTable.PERS_APPLN, row.line(), "orphan_person",
                        "person_id " + row.personId() + " is not in tls206_person", row.content());
                return;
            }
            if (!linkedPersons.add(row.personId())) {
                reject(output, PatstatTable.PERS_APPLN, row.line(), "duplicate_key",
                        "person_id " + row.personId() + " is linked to appln_id " + applnId + " twice", row.content());
                return;
            }
            if (fate == Fate.EURO_PCT || fate == Fate.NON_TRANSNATIONAL) {
                count(fate);
            } else if (row.applicantSeq() <= 0) {
                counts.inventorOnly++;
            } else if (fate == Fate.UNKNOWN_YEAR) {
                count(fate);
                persons.markUse(row.personId(), WorkStore.USED_BY_QUALITY);
            } else {
                counts.applicantRowsPublished++;
                persons.markUse(row.personId(), WorkStore.USED_BY_PUBLISHED);
                // Only an applicant of a published application needs the person's name and country:
                // about a third of the links, each a name decoded from memory no cache line holds.
                StoredRows.Person person = persons.get(row.personId());
                String country = CountryCodes.normalise(person.rawCountry());
                if (CountryCodes.UNKNOWN.equals(country)) {
                    counts.countriesToZz++;
                }
                applicants.add(Applicant.newBuilder()
                        .setPersonId(row.personId())
                        .setApplicantSeqNr(row.applicantSeq())
                        .setName(person.name())
                        .setRawCountryCode(person.rawCountry())
                        .setCountry(country)
                        .build());
            }
        }

        private void addIpc(StoredRows.Ipc row, Output output) {
            if (orphan(output, PatstatTable.APPLN_IPC, row.line(), row::content)) {
                return;
            }
            String symbol = IpcSymbols.normalise(row.symbol());
            if (symbol.isEmpty()) {
                reject(output, PatstatTable.APPLN_IPC, row.line(), "missing_value", "ipc_class_symbol is blank",
                        row.content());
                return;
            }
            count(fate);
            ipcSymbols.add(symbol);
        }

        private void addTitle(StoredRows.Text row, Output output) {
            if (orphan(output, PatstatTable.APPLN_TITLE, row.line(), row::content)) {
                return;
            }
            if (titleSeen) {
                reject(output, PatstatTable.APPLN_TITLE, row.line(), "duplicate_key",
                        "appln_id " + applnId + " has a second title", row.content());
                return;
            }
            titleSeen = true;
            count(fate);
            title = row;
        }

        private void addAbstract(StoredRows.Text row, Output output) {
            if (orphan(output, PatstatTable.APPLN_ABSTR, row.line(), row::content)) {
                return;
            }
            if (abstractSeen) {
                reject(output, PatstatTable.APPLN_ABSTR, row.line(), "duplicate_key",
                        "appln_id " + applnId + " has a second abstract", row.content());
                return;
            }
            abstractSeen = true;
            count(fate);
            abstractText = row;
        }

        /**
         * Rejects a row whose application is missing from tls201; true when it did. The row's text is
         * made only for a reject: made for every row, it was a fifth of the ingest's CPU time.
         */
        private boolean orphan(Output output, PatstatTable table, long line, Supplier<String> content) {
            if (appln != null) {
                return false;
            }
            reject(output, table, line, "orphan_application", "appln_id " + applnId + " is not in tls201_appln",
                    content.get());
            return true;
        }

        void finish(Output output) {
            if (fate != Fate.PUBLISH) {
                return;
            }
            if (applicants.isEmpty()) {
                counts.applicationsWithoutApplicant++;
            }
            applicants.sort(Comparator.comparingInt(Applicant::getApplicantSeqNr).thenComparingLong(Applicant::getPersonId));
            output.application(PatentApplication.newBuilder()
                    .setApplnId(applnId)
                    .setAuthority(appln.authority())
                    .setApplnNr(appln.applnNr())
                    .setApplnKind(appln.kind())
                    .setFilingDate(appln.filingDate())
                    .setFilingYear(appln.filingYear())
                    .setInternatApplnId(appln.internatApplnId())
                    .setEarliestFilingYear(appln.earliestYear())
                    .setDocdbFamilyId(appln.familyId())
                    .setApplicants(applicants)
                    .setIpcSymbols(IpcSymbols.sortedDistinct(ipcSymbols))
                    .setTitle(title == null ? null : title.text())
                    .setTitleLanguage(title == null ? null : title.language())
                    .setAbstractText(abstractText == null ? null : abstractText.text())
                    .setAbstractLanguage(abstractText == null ? null : abstractText.language())
                    .setSourceRelease("")
                    .build());
        }

        private void count(Fate rowFate) {
            counts.rowsByFate[rowFate.ordinal()]++;
        }

        private void reject(Output output, PatstatTable table, long line, String detail, String explanation,
                String content) {
            accounting.rejected(detail);
            output.reject(fileNames.get(table), line, detail + ": " + explanation, content);
        }
    }

    /** indicators.md §3: WO, or EP filed directly (internat_appln_id 0), with a known year. */
    private static Fate fateOf(StoredRows.Appln appln) {
        boolean transnational = "WO".equals(appln.authority())
                || "EP".equals(appln.authority()) && appln.internatApplnId() == 0;
        if (!transnational) {
            return "EP".equals(appln.authority()) ? Fate.EURO_PCT : Fate.NON_TRANSNATIONAL;
        }
        return appln.earliestYear() == UNKNOWN_YEAR ? Fate.UNKNOWN_YEAR : Fate.PUBLISH;
    }
}
