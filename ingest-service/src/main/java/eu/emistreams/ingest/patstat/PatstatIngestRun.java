package eu.emistreams.ingest.patstat;

import eu.emistreams.events.Topics;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.ingest.diff.ContentDigest;
import eu.emistreams.ingest.diff.DigestState;
import eu.emistreams.ingest.diff.ReleaseDiff;
import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.RecordAccounting;
import eu.emistreams.ingest.publish.EventSink;
import eu.emistreams.ingest.publish.RunPublications;
import eu.emistreams.ingest.source.CsvTable;
import eu.emistreams.ingest.source.ReleaseFiles;
import eu.emistreams.ingest.source.TableFile;
import eu.emistreams.ingest.store.OrderedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One ingest of one PATSTAT release, start to end:
 * files → rows (work store) → joined applications → diff against the previous release → publish.
 *
 * <p>All input is read before anything but the RUNNING report is published, so unreadable input
 * fails the run with nothing half-published. The new state of digests is committed only after
 * the sink acknowledged every event; a failed run leaves the previous state, and the next run
 * re-publishes whatever this one may have sent.
 */
public final class PatstatIngestRun {

    public static final String SOURCE = "patstat";

    private static final Logger LOG = Logger.getLogger(PatstatIngestRun.class);

    private final IngestJob job;
    private final Path sourceStateDirectory;
    private final EventSink sink;
    private final long storeMemoryBytes;
    private final long personMemoryBytes;
    private final RecordAccounting accounting;
    private final RunPublications publications;

    /**
     * @param sourceStateDirectory this source's own directory under the ingest state directory
     * @param storeMemoryBytes native memory of the work store (RocksDB)
     * @param personMemoryBytes heap for holding tls206 persons; beyond it they go to the work store
     */
    public PatstatIngestRun(IngestJob job, Path sourceStateDirectory, EventSink sink, long storeMemoryBytes,
            long personMemoryBytes) {
        this.job = job;
        this.sourceStateDirectory = sourceStateDirectory;
        this.sink = sink;
        this.storeMemoryBytes = storeMemoryBytes;
        this.personMemoryBytes = personMemoryBytes;
        this.accounting = job.accounting();
        this.publications = new RunPublications(SOURCE, job, sink);
    }

    /** Whether a directory holds a PATSTAT release (its tls201 table, in any storage variant). */
    public static boolean holdsRelease(Path directory) {
        for (TableFile.Compression compression : TableFile.Compression.values()) {
            if (Files.isRegularFile(directory.resolve(PatstatTable.APPLN.fileBase() + compression.suffix()))) {
                return true;
            }
        }
        return false;
    }

    /** Finds the six tables and checks each header; fails naming the file and the reason. */
    public static Map<PatstatTable, TableFile> locateAndCheck(Path directory) throws IOException {
        Map<String, TableFile> located = ReleaseFiles.locate(directory, PatstatTable.fileBases());
        Map<PatstatTable, TableFile> files = new EnumMap<>(PatstatTable.class);
        for (PatstatTable table : PatstatTable.values()) {
            TableFile file = located.get(table.fileBase());
            CsvTable.check(file, table.requiredColumns());
            files.put(table, file);
        }
        return files;
    }

    public void run() throws Exception {
        publications.report("RUNNING", null);
        try {
            ingest();
        } catch (Exception | Error e) {
            try {
                publications.report("FAILED", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } catch (RuntimeException reportFailed) {
                e.addSuppressed(reportFailed);
            }
            throw e;
        }
        publications.report("COMPLETED", null);
        RecordAccounting.Snapshot counts = accounting.snapshot();
        LOG.infof("PATSTAT release %s: read %d rows, %d published, %d ignored, %d quality, %d rejected; "
                + "events %d new or changed, %d unchanged, %d retracted", job.release(), counts.read(),
                counts.published(), counts.ignored(), counts.quality(), counts.rejected(), counts.eventsChanged(),
                counts.eventsUnchanged(), counts.eventsRetracted());
    }

    private void ingest() throws Exception {
        job.phase("checking files");
        Map<PatstatTable, TableFile> files = locateAndCheck(job.releasePath());
        long total = 0;
        Map<PatstatTable, String> fileNames = new EnumMap<>(PatstatTable.class);
        for (Map.Entry<PatstatTable, TableFile> file : files.entrySet()) {
            total += file.getValue().size();
            fileNames.put(file.getKey(), file.getValue().fileName());
        }
        job.bytesTotal(total);

        try (WorkStore store = new WorkStore(sourceStateDirectory.resolve("work"), storeMemoryBytes)) {
            Persons persons = new Persons(store, personMemoryBytes);
            loadTables(new PatstatLoader(store, persons, job), files);
            // A zip's central directory is never read: the files count as read in full once done.
            job.bytesRead().set(total);
            store.flushWrites();
            if (persons.spilled()) {
                LOG.infof("tls206 persons exceed the %d MB held in memory: looked up in the work store",
                        personMemoryBytes >> 20);
            }
            // Every file has been read to its end: from here on the run publishes.
            try (DigestState digests = DigestState.open(sourceStateDirectory.resolve("state"))) {
                // Re-ingesting the release in force publishes nothing, its rejects included: they
                // went out with the run that committed it. They are still counted.
                if (job.release().equals(digests.previousRelease())) {
                    publications.withholdRejects();
                }
                job.phase("publishing rejected rows");
                store.forEachReject(reject -> publishReject(reject.file(), reject.line(), reject.reason(), reject.content()));

                job.phase("assembling and publishing applications");
                ApplicationAssembler assembler = new ApplicationAssembler(store, persons, accounting, fileNames);
                publishApplications(assembler, digests);

                job.phase("counting persons");
                assembler.accountPersons();
                RecordAccounting.Snapshot counts = accounting.snapshot();
                if (!counts.balanced()) {
                    throw new IllegalStateException("the record accounting does not add up (read " + counts.read()
                            + ", published " + counts.published() + ", ignored " + counts.ignored() + ", quality "
                            + counts.quality() + ", rejected " + counts.rejected() + "); nothing committed");
                }

                job.phase("waiting for Kafka to acknowledge");
                sink.flush();
                job.phase("committing");
                digests.commit(job.release());
            }
        }
    }

    /**
     * Loads the six tables on as many threads as there are cores (at least two), the largest file
     * first. The tables are independent until assembly, and nothing else of the pipeline has work
     * before the ingest publishes: loading one table after the other left a core idle.
     */
    private void loadTables(PatstatLoader loader, Map<PatstatTable, TableFile> files) throws Exception {
        job.phase("reading the six tables");
        Map<PatstatTable, Long> sizes = new EnumMap<>(PatstatTable.class);
        for (Map.Entry<PatstatTable, TableFile> file : files.entrySet()) {
            sizes.put(file.getKey(), file.getValue().size());
        }
        List<PatstatTable> largestFirst = files.keySet().stream()
                .sorted(Comparator.comparingLong(sizes::get).reversed())
                .toList();
        int threads = Math.min(largestFirst.size(), Math.max(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "patstat-load-" + job.id());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> loads = new ArrayList<>();
            for (PatstatTable table : largestFirst) {
                loads.add(pool.submit(() -> {
                    loader.load(table, files.get(table));
                    return null;
                }));
            }
            for (Future<?> load : loads) {
                try {
                    load.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            // No table may still be writing when the store closes.
            pool.shutdownNow();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("a table load did not stop within a minute");
            }
        }
    }

    private void publishApplications(ApplicationAssembler assembler, DigestState digests) {
        ContentDigest<PatentApplication> digester = new ContentDigest<>(PatentApplication.class);
        try (ReleaseDiff diff = new ReleaseDiff(digests, retractedKey -> {
            sink.send(Topics.PATSTAT_APPLICATIONS, Long.toString(OrderedKeys.get(retractedKey, 0)), null);
            accounting.eventRetracted();
        })) {
            assembler.assembleAll(new ApplicationAssembler.Output() {
                @Override
                public void application(PatentApplication application) {
                    // The digest covers everything but sourceRelease, which the assembler leaves blank.
                    byte[] digest = digester.of(application);
                    ReleaseDiff.Change change = diff.offer(OrderedKeys.of(application.getApplnId()), digest);
                    if (change == ReleaseDiff.Change.UNCHANGED) {
                        accounting.eventUnchanged();
                        return;
                    }
                    application.setSourceRelease(job.release());
                    sink.send(Topics.PATSTAT_APPLICATIONS, Long.toString(application.getApplnId()), application);
                    accounting.eventChanged();
                }

                @Override
                public void reject(String file, long line, String reason, String content) {
                    publishReject(file, line, reason, content);
                }
            });
            diff.finish();
        }
    }

    private void publishReject(String file, long line, String reason, String content) {
        publications.reject(file, line, reason, content);
    }
}
