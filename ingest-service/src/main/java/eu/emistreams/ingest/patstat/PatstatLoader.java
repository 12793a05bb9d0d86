package eu.emistreams.ingest.patstat;

import com.carrotsearch.hppc.LongArrayList;
import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.RecordAccounting;
import eu.emistreams.ingest.source.CsvRow;
import eu.emistreams.ingest.source.CsvTable;
import eu.emistreams.ingest.source.TableFile;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads the six tables into the work store, each table on the thread that calls {@link #load},
 * several at the same time (tls206 goes to {@link Persons}, held by the one thread loading it).
 * A row that cannot be used whatever the other tables say (a wrong field count, an unparsable or
 * missing number, a person_id seen twice) is rejected here; everything else waits for assembly,
 * which knows the application each row belongs to.
 */
final class PatstatLoader {

    /** Rows counted per call to the shared accounting and progress, to keep them out of the row loop. */
    private static final int READ_COUNT_STEP = 10_000;

    /** One tls201 appln_id in this many is kept to cut the assembly into ranges of about equal size. */
    private static final int SAMPLE_EVERY = 256;

    private final WorkStore store;
    private final Persons persons;
    // Written by the one thread loading tls201, read once every load has ended.
    private final LongArrayList applnIdSample = new LongArrayList();
    private long applnRows;
    private final IngestJob job;
    private final RecordAccounting accounting;

    PatstatLoader(WorkStore store, Persons persons, IngestJob job) {
        this.store = store;
        this.persons = persons;
        this.job = job;
        this.accounting = job.accounting();
    }

    void load(PatstatTable table, TableFile file) throws IOException {
        long pendingReads = 0;
        try (CsvTable csv = CsvTable.open(file, table.requiredColumns(), job.bytesRead());
                WorkStore.RowWriter rows = store.rowWriter()) {
            CsvRow row;
            while ((row = csv.next()) != null) {
                if (++pendingReads == READ_COUNT_STEP) {
                    // Counted in steps: the tables load on several threads, which would contend for every row.
                    accounting.read(table.fileBase(), pendingReads);
                    job.rowsRead().addAndGet(pendingReads);
                    pendingReads = 0;
                    if (Thread.currentThread().isInterrupted()) {
                        throw new java.io.InterruptedIOException("loading " + file.fileName() + " was stopped");
                    }
                }
                if (!row.consistent()) {
                    reject(rows, table, file, row, "malformed_row", "the row has " + row.size()
                            + " fields where the header has " + csv.header().size());
                    continue;
                }
                try {
                    store(rows, table, row);
                } catch (RowRejection rejection) {
                    reject(rows, table, file, row, rejection.detail, rejection.getMessage());
                }
            }
        } finally {
            accounting.read(table.fileBase(), pendingReads);
            job.rowsRead().addAndGet(pendingReads);
        }
    }

    private void store(WorkStore.RowWriter rows, PatstatTable table, CsvRow row) throws RowRejection {
        switch (table) {
            case APPLN -> {
                StoredRows.Appln appln = new StoredRows.Appln(row.line(),
                        requiredLong(row, "appln_id"),
                        requiredText(row, "appln_auth").trim().toUpperCase(java.util.Locale.ROOT),
                        optionalText(row, "appln_nr"),
                        optionalText(row, "appln_kind"),
                        optionalText(row, "appln_filing_date"),
                        optionalInt(row, "appln_filing_year"),
                        // PATSTAT writes 0 for "no international application"; a blank means the same.
                        orZero(optionalLong(row, "internat_appln_id")),
                        requiredInt(row, "earliest_filing_year"),
                        optionalLong(row, "docdb_family_id"));
                rows.putAppln(appln);
                if (++applnRows % SAMPLE_EVERY == 0) {
                    applnIdSample.add(appln.applnId());
                }
            }
            case PERSON -> {
                long personId = requiredLong(row, "person_id");
                if (!persons.add(personId, optionalText(row, "person_name"), row.get("person_ctry_code"))) {
                    throw new RowRejection("duplicate_key", "person_id " + personId + " appears more than once in tls206_person");
                }
            }
            case PERS_APPLN -> rows.putLink(new StoredRows.Link(row.line(),
                    requiredLong(row, "person_id"),
                    requiredLong(row, "appln_id"),
                    requiredInt(row, "applt_seq_nr"),
                    optionalText(row, "invt_seq_nr")));
            case APPLN_IPC -> rows.putIpc(new StoredRows.Ipc(row.line(), requiredLong(row, "appln_id"),
                    row.get("ipc_class_symbol")));
            case APPLN_TITLE -> rows.putText(StoredRows.TAG_TITLE, new StoredRows.Text(row.line(),
                    requiredLong(row, "appln_id"), optionalText(row, "appln_title_lg"), row.get("appln_title")));
            case APPLN_ABSTR -> rows.putText(StoredRows.TAG_ABSTRACT, new StoredRows.Text(row.line(),
                    requiredLong(row, "appln_id"), optionalText(row, "appln_abstract_lg"), row.get("appln_abstract")));
        }
    }

    /**
     * Up to {@code parts - 1} appln_ids, ascending and distinct, that cut the loaded tls201 rows
     * into {@code parts} ranges of about the same number of applications.
     */
    long[] splitPoints(int parts) {
        long[] sample = applnIdSample.toArray();
        Arrays.sort(sample);
        LongArrayList points = new LongArrayList();
        for (int part = 1; part < parts && sample.length > 0; part++) {
            long point = sample[(int) ((long) part * sample.length / parts)];
            if (points.isEmpty() || points.get(points.size() - 1) < point) {
                points.add(point);
            }
        }
        return points.toArray();
    }

    private void reject(WorkStore.RowWriter rows, PatstatTable table, TableFile file, CsvRow row, String detail,
            String explanation) {
        accounting.rejected(detail);
        rows.bufferReject(table, file.fileName(), row.line(), detail + ": " + explanation, row.content());
    }

    private static long requiredLong(CsvRow row, String column) throws RowRejection {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new RowRejection("missing_value", column + " is blank");
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new RowRejection("unparsable_number", column + " '" + value + "' is not a whole number");
        }
    }

    private static Long optionalLong(CsvRow row, String column) throws RowRejection {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : requiredLong(row, column);
    }

    private static int requiredInt(CsvRow row, String column) throws RowRejection {
        long value = requiredLong(row, column);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new RowRejection("unparsable_number", column + " '" + row.get(column) + "' is out of range");
        }
        return (int) value;
    }

    private static Integer optionalInt(CsvRow row, String column) throws RowRejection {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : requiredInt(row, column);
    }

    private static long orZero(Long value) {
        return value == null ? 0L : value;
    }

    private static String requiredText(CsvRow row, String column) throws RowRejection {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new RowRejection("missing_value", column + " is blank");
        }
        return value;
    }

    private static String optionalText(CsvRow row, String column) {
        String value = row.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Why a row cannot be stored; carries the accounting detail. No stack trace: it is control flow. */
    static final class RowRejection extends Exception {
        final String detail;

        RowRejection(String detail, String message) {
            super(message, null, false, false);
            this.detail = detail;
        }
    }
}
