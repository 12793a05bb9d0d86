package eu.emistreams.sampledata;

import eu.emistreams.sampledata.ApplicationFactory.Application;
import eu.emistreams.sampledata.PatstatVocabulary.JunkCountry;
import eu.emistreams.sampledata.ReleaseHistory.SlotState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes one release of a {@link ReleaseHistory}: one pass over the slots streams the five
 * application tables, then the person pool streams tls206. Only a bit per person is kept (who is
 * an applicant of what), so memory does not grow with the number of applications.
 */
final class ReleaseWriter {

    static final String TLS201 = "tls201_appln";
    static final String TLS206 = "tls206_person";
    static final String TLS207 = "tls207_pers_appln";
    static final String TLS209 = "tls209_appln_ipc";
    static final String TLS202 = "tls202_appln_title";
    static final String TLS203 = "tls203_appln_abstr";
    static final List<String> TABLES = List.of(TLS201, TLS206, TLS207, TLS209, TLS202, TLS203);

    // Column orders as PATSTAT ships them, with columns the ingest does not use; tls206 puts the
    // country before the name, so a reader that relies on sources.md's order fails.
    static final String[] TLS201_HEADER = {"appln_id", "appln_auth", "appln_nr", "appln_kind", "appln_filing_date",
        "appln_filing_year", "appln_nr_original", "ipr_type", "receiving_office", "internat_appln_id",
        "earliest_filing_date", "earliest_filing_year", "granted", "docdb_family_id", "nb_applicants", "nb_inventors"};
    static final String[] TLS206_HEADER = {"person_id", "person_ctry_code", "person_name", "person_address", "psn_sector"};
    static final String[] TLS207_HEADER = {"person_id", "appln_id", "applt_seq_nr", "invt_seq_nr"};
    static final String[] TLS209_HEADER = {"appln_id", "ipc_class_symbol", "ipc_class_level", "ipc_version", "ipc_value",
        "ipc_position", "ipc_gener_auth"};
    static final String[] TLS202_HEADER = {"appln_id", "appln_title_lg", "appln_title"};
    static final String[] TLS203_HEADER = {"appln_id", "appln_abstract_lg", "appln_abstract"};

    /** Rows that real extracts contain and an ingest must reject, injected in known numbers. */
    enum Extra {
        MISSING_PERSON, ORPHAN_207, ORPHAN_209, ORPHAN_202, ORPHAN_203, UNPARSABLE_201, UNPARSABLE_207,
        UNPARSABLE_209, MALFORMED_209, MALFORMED_202
    }

    private record PlacedExtra(Extra kind, int ordinal) {
    }

    private final Path directory;
    private final ReleaseHistory history;
    private final FileCompression compression;
    private final PersonPool persons;
    private final ApplicationFactory factory;
    private final Map<Long, List<PlacedExtra>> extrasBySlot = new HashMap<>();
    private final Set<Long> unknownYearSlots;
    private final Map<String, Long> facts = new TreeMap<>();
    private final BitSet applicantOfPublishable;
    private final BitSet applicantOfUnknownYear;

    ReleaseWriter(Path directory, ReleaseHistory history, FileCompression compression) {
        this.directory = directory;
        this.history = history;
        this.compression = compression;
        this.persons = new PersonPool(history.baseSeed(), history.persons(), history.messPerKind());
        this.unknownYearSlots = transnationalPositions(history.messPerKind(), 0.25, new HashSet<>());
        Set<Long> messyTitles = transnationalPositions(history.messPerKind(), 0.4, new HashSet<>(unknownYearSlots));
        messyTitles.removeAll(unknownYearSlots);
        this.factory = new ApplicationFactory(history.baseSeed(), persons, unknownYearSlots, messyTitles);
        Set<Long> missingPersonSlots = transnationalPositions(history.messPerKind(), 0.6, new HashSet<>());
        int ordinal = 0;
        for (long slot : missingPersonSlots.stream().sorted().toList()) {
            extrasBySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(new PlacedExtra(Extra.MISSING_PERSON, ordinal++));
        }
        Extra[] kinds = Extra.values();
        for (int e = 1; e < kinds.length; e++) {
            double offset = (double) e / (kinds.length + 1);
            for (int k = 0; k < history.messPerKind(); k++) {
                long slot = position(k, offset);
                extrasBySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(new PlacedExtra(kinds[e], k));
            }
        }
        this.applicantOfPublishable = new BitSet(history.persons());
        this.applicantOfUnknownYear = new BitSet(history.persons());
    }

    GeneratedRelease write() throws IOException {
        Files.createDirectories(directory);
        removeOtherVariants();
        List<Path> files = new ArrayList<>();
        int revision = history.revision();
        try (TableWriter tls201 = new TableWriter(directory, TLS201, TLS201_HEADER, compression, false);
                TableWriter tls207 = new TableWriter(directory, TLS207, TLS207_HEADER, compression, false);
                TableWriter tls209 = new TableWriter(directory, TLS209, TLS209_HEADER, compression, false);
                TableWriter tls202 = new TableWriter(directory, TLS202, TLS202_HEADER, compression, false);
                TableWriter tls203 = new TableWriter(directory, TLS203, TLS203_HEADER, compression, false)) {
            long total = history.totalSlots();
            for (long slot = 0; slot < total; slot++) {
                SlotState now = history.state(slot, revision);
                if (revision > 0) {
                    countRevision(slot, history.state(slot, revision - 1), now);
                } else if (now.alive() && factory.publishable(slot, now)) {
                    add("revision.publishable.new_or_changed", 1);
                }
                Application application = null;
                if (now.alive()) {
                    application = factory.build(slot, now);
                    writeApplication(application, tls201, tls207, tls209, tls202, tls203);
                }
                for (PlacedExtra extra : extrasBySlot.getOrDefault(slot, List.of())) {
                    writeExtra(extra, slot, application, tls201, tls207, tls209, tls202, tls203);
                }
            }
            for (TableWriter table : List.of(tls201, tls207, tls209, tls202, tls203)) {
                files.add(table.file());
            }
            add("tls201.rows", tls201.rows());
            add("tls207.rows", tls207.rows());
            add("tls209.rows", tls209.rows());
            add("tls202.rows", tls202.rows());
            add("tls203.rows", tls203.rows());
        }
        // Exported by a Windows tool: a byte-order mark before the header.
        try (TableWriter tls206 = new TableWriter(directory, TLS206, TLS206_HEADER, compression, true)) {
            writePersons(tls206);
            files.add(1, tls206.file());
            add("tls206.rows", tls206.rows());
        }
        history.write(directory, facts);
        return new GeneratedRelease(directory, revision, List.copyOf(files), Map.copyOf(facts));
    }

    private void writeApplication(Application app, TableWriter tls201, TableWriter tls207, TableWriter tls209,
            TableWriter tls202, TableWriter tls203) throws IOException {
        String category = category(app);
        int year = app.earliestYear();
        tls201.row(app.applnId(), app.kind().authority, app.applnNr(), app.kind().kindCode, app.filingDate(),
                app.filingYear(), app.applnNr(), "PI", app.kind() == ApplicationKind.WO ? "EP" : "",
                app.internatApplnId(), year == ApplicationFactory.UNKNOWN_YEAR ? "9999-12-31" : year + "-03-15",
                year, app.kind() == ApplicationKind.EP_DIRECT ? "Y" : "N", app.familyId(),
                app.applicants().length, app.inventors().length);
        add("tls201." + category, 1);

        int[] applicants = app.applicants();
        for (int i = 0; i < applicants.length; i++) {
            tls207.row(persons.personId(applicants[i]), app.applnId(), i + 1, 0);
            if (app.publishable()) {
                add("tls207.applicant.publishable", 1);
                applicantOfPublishable.set(applicants[i]);
                if ("ZZ".equals(persons.normalisedCountry(applicants[i]))) {
                    add("applicants.publishable_to_zz", 1);
                }
            } else if (app.unknownYearTransnational()) {
                add("tls207.applicant.unknown_year", 1);
                applicantOfUnknownYear.set(applicants[i]);
            } else {
                add("tls207." + category, 1);
            }
        }
        if (app.publishable() && applicants.length == 0) {
            add("applications.publishable_without_applicant", 1);
        }
        int[] inventors = app.inventors();
        for (int i = 0; i < inventors.length; i++) {
            tls207.row(persons.personId(inventors[i]), app.applnId(), 0, i + 1);
            add(app.kind().transnational ? "tls207.inventor_only.transnational" : "tls207." + category, 1);
        }
        List<String> ipc = app.ipcSymbols();
        for (int i = 0; i < ipc.size(); i++) {
            tls209.row(app.applnId(), ipc.get(i), "A", i % 3 == 0 ? "2006-01-01" : "2016-01-01",
                    i == 0 ? "I" : "N", i == 0 ? "F" : "L", "EP");
            add("tls209." + category, 1);
        }
        if (app.title() != null) {
            tls202.row(app.applnId(), app.titleLanguage(), app.title());
            add("tls202." + category, 1);
            if (app.title().indexOf('\n') >= 0) {
                add("tls202.multiline", 1);
            }
        }
        if (app.abstractText() != null) {
            tls203.row(app.applnId(), app.abstractLanguage(), app.abstractText());
            add("tls203." + category, 1);
        }
    }

    private void writeExtra(PlacedExtra extra, long slot, Application application, TableWriter tls201,
            TableWriter tls207, TableWriter tls209, TableWriter tls202, TableWriter tls203) throws IOException {
        int k = extra.ordinal();
        long missingAppln = ApplicationFactory.MISSING_APPLN_ID_BASE + extra.kind().ordinal() * 1000L + k;
        long applnId = ApplicationFactory.applnId(slot);
        switch (extra.kind()) {
            case MISSING_PERSON -> {
                // Only on an application that exists, so that the row is an orphan person alone.
                if (application != null) {
                    tls207.row(PersonPool.MISSING_PERSON_ID_BASE + k, application.applnId(),
                            application.applicants().length + 1, 0);
                    add("tls207.missing_person", 1);
                }
            }
            case ORPHAN_207 -> {
                tls207.row(persons.personId(k % persons.size()), missingAppln, 1, 0);
                add("tls207.missing_application", 1);
            }
            case ORPHAN_209 -> {
                tls209.row(missingAppln, PatstatVocabulary.padIpc("G06N 3/08"), "A", "2016-01-01", "I", "F", "EP");
                add("tls209.missing_application", 1);
            }
            case ORPHAN_202 -> {
                tls202.row(missingAppln, "en", "Title of an application missing from tls201");
                add("tls202.missing_application", 1);
            }
            case ORPHAN_203 -> {
                tls203.row(missingAppln, "en", "Abstract of an application missing from tls201.");
                add("tls203.missing_application", 1);
            }
            case UNPARSABLE_201 -> {
                // A letter O typed for a zero.
                String id = ("3O" + (applnId % 10_000_000));
                tls201.row(id, "WO", "EP2015000000", "W", "2015-06-01", 2015, "", "PI", "EP", 0,
                        "2014-06-01", 2014, "N", "", 1, 1);
                add("tls201.unparsable", 1);
            }
            case UNPARSABLE_207 -> {
                tls207.row("#REF!", applnId, 1, 0);
                add("tls207.unparsable", 1);
            }
            case UNPARSABLE_209 -> {
                tls209.row("n/a", PatstatVocabulary.padIpc("H01L 31/04"), "A", "2016-01-01", "I", "F", "EP");
                add("tls209.unparsable", 1);
            }
            case MALFORMED_209 -> {
                tls209.rawLine(applnId + "," + PatstatVocabulary.padIpc("H04L 9/32") + ",A");
                add("tls209.malformed", 1);
            }
            case MALFORMED_202 -> {
                tls202.rawLine(applnId + ",en,Solar cell, improved and cheaper");
                add("tls202.malformed", 1);
            }
        }
    }

    private void writePersons(TableWriter tls206) throws IOException {
        for (int p = 0; p < persons.size(); p++) {
            String address = p % 10 < 3
                    ? (p % 200 + 1) + " Main Street, " + persons.rawCountryCode(p).trim()
                    : "";
            tls206.row(persons.personId(p), persons.rawCountryCode(p), persons.name(p), address, persons.sector(p));
            JunkCountry junk = persons.junk(p);
            if (junk != null) {
                add("tls206.junk." + junk.label(), 1);
            }
            if (applicantOfPublishable.get(p)) {
                add("tls206.applicant_of_publishable", 1);
            } else if (applicantOfUnknownYear.get(p)) {
                add("tls206.applicant_of_unknown_year_only", 1);
            } else {
                add("tls206.not_applicant", 1);
            }
        }
    }

    private void countRevision(long slot, SlotState before, SlotState now) {
        if (before.alive() && now.alive() && before.version() != now.version()) {
            add("revision.slots.changed", 1);
        } else if (before.alive() && !now.alive()) {
            add("revision.slots.removed", 1);
        } else if (before == SlotState.ABSENT && now.alive()) {
            add("revision.slots.added", 1);
        }
        boolean wasPublishable = before.alive() && factory.publishable(slot, before);
        boolean isPublishable = now.alive() && factory.publishable(slot, now);
        if (isPublishable && wasPublishable && before.version() == now.version()) {
            add("revision.publishable.unchanged", 1);
        } else if (isPublishable) {
            add("revision.publishable.new_or_changed", 1);
        } else if (wasPublishable) {
            add("revision.publishable.retracted", 1);
        }
    }

    private static String category(Application app) {
        if (app.publishable()) {
            return "publishable";
        }
        if (app.unknownYearTransnational()) {
            return "unknown_year";
        }
        return app.kind() == ApplicationKind.EP_EURO_PCT ? "euro_pct" : "non_transnational";
    }

    /** Evenly spread positions among the first release's slots. */
    private long position(int k, double offset) {
        long slots = history.initialSlots();
        return Math.min(slots - 1, (long) ((k + offset) * slots / history.messPerKind()));
    }

    /** Evenly spread first-release slots that hold WO or direct EP applications, distinct from {@code taken}. */
    private Set<Long> transnationalPositions(int count, double offset, Set<Long> taken) {
        Set<Long> positions = new HashSet<>();
        for (int k = 0; k < count; k++) {
            long slot = position(k, offset);
            while (slot < history.initialSlots()
                    && (!ApplicationKind.of(history.baseSeed(), slot).transnational || taken.contains(slot))) {
                slot++;
            }
            if (slot < history.initialSlots()) {
                positions.add(slot);
                taken.add(slot);
            }
        }
        return positions;
    }

    private void removeOtherVariants() throws IOException {
        for (String table : TABLES) {
            for (FileCompression variant : FileCompression.values()) {
                if (variant != compression) {
                    Files.deleteIfExists(directory.resolve(table + ".csv" + variant.suffix()));
                }
            }
        }
    }

    private void add(String fact, long amount) {
        facts.merge(fact, amount, Long::sum);
    }
}
