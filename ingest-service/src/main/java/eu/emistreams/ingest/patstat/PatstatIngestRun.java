package eu.emistreams.ingest.patstat;

import eu.emistreams.events.EventTopics;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One ingest of one PATSTAT release, start to end: files → rows (work store and persons, the six
 * tables at the same time) → joined applications → diff against the previous release → publish,
 * the last three in appln_id ranges at the same time.
 *
 * <p>All input is read before anything but the RUNNING report is published, so unreadable input
 * fails the run with nothing half-published. The new state of digests is committed only after
 * the sink acknowledged every event; a failed run leaves the previous state, and the next run
 * re-publishes whatever this one may have sent.
 */
public final class PatstatIngestRun {

    public static final String SOURCE = "patstat";

    /** appln_id ranges assembled at the same time: more than the threads, so that they even out. */
    private static final int ASSEMBLY_RANGES = 8;

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
        publications.reported(this::ingest);
    }

    private void ingest() throws Exception {
        job.phase("checking files");
        Map<PatstatTable, TableFile> files = locateAndCheck(job.releasePath());
        long total = 0;
        Map<PatstatTable, String> fileNames = new EnumMap<>(PatstatTable.class);
        Map<PatstatTable, Long> sizes = new EnumMap<>(PatstatTable.class);
        for (Map.Entry<PatstatTable, TableFile> file : files.entrySet()) {
            sizes.put(file.getKey(), file.getValue().size());
            total += sizes.get(file.getKey());
            fileNames.put(file.getKey(), file.getValue().fileName());
        }
        job.bytesTotal(total);

        try (WorkStore store = new WorkStore(sourceStateDirectory.resolve("work"), storeMemoryBytes)) {
            Persons persons = new Persons(store, personMemoryBytes);
            PatstatLoader loader = new PatstatLoader(store, persons, job);
            loadTables(loader, files, sizes);
            // A zip's central directory is never read: the files count as read in full once done.
            job.bytesRead().set(total);
            store.flushWrites();
            if (persons.spilled()) {
                LOG.infof("tls206 persons exceed the %d MB held in memory: looked up in the work store",
                        personMemoryBytes >> 20);
            }
            // Every file has been read to its end: from here on the run publishes.
            try (DigestState digests = DigestState.open(sourceStateDirectory.resolve("state"), job.release())) {
                // Re-ingesting the release in force publishes nothing, its rejects included: they
                // went out with the run that committed it. They are still counted.
                if (job.release().equals(digests.previousRelease())) {
                    publications.withholdRejects();
                }
                job.phase("publishing rejected rows");
                store.forEachReject(reject -> publishReject(reject.file(), reject.line(), reject.reason(), reject.content()));

                job.phase("assembling and publishing applications");
                ApplicationAssembler assembler = new ApplicationAssembler(store, persons, accounting, fileNames);
                publishApplications(assembler, digests, loader.splitPoints(ASSEMBLY_RANGES));

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
     * Loads the six tables at the same time, the largest file first. The tables are independent
     * until assembly, and nothing else of the pipeline has work before the ingest publishes.
     */
    private void loadTables(PatstatLoader loader, Map<PatstatTable, TableFile> files, Map<PatstatTable, Long> sizes)
            throws Exception {
        job.phase("reading the six tables");
        List<Callable<Void>> loads = files.keySet().stream()
                .sorted(Comparator.comparingLong(sizes::get).reversed())
                .<Callable<Void>>map(table -> () -> {
                    loader.load(table, files.get(table));
                    return null;
                })
                .toList();
        runAtTheSameTime("patstat-load", loads);
    }

    /**
     * Assembles, diffs and publishes the applications in appln_id ranges at the same time. Each
     * range has its own digest cursor and recorder, content digester and accounting (added to the
     * job's at the end); the sink is shared, under a lock.
     */
    private void publishApplications(ApplicationAssembler assembler, DigestState digests, long[] splitPoints)
            throws Exception {
        List<Callable<Void>> ranges = new ArrayList<>();
        List<RecordAccounting> rangeAccountings = new ArrayList<>();
        for (int range = 0; range <= splitPoints.length; range++) {
            Long from = range == 0 ? null : splitPoints[range - 1];
            Long to = range == splitPoints.length ? null : splitPoints[range];
            RecordAccounting rangeAccounting = new RecordAccounting();
            rangeAccountings.add(rangeAccounting);
            ranges.add(() -> {
                publishRange(assembler, digests, from, to, rangeAccounting);
                return null;
            });
        }
        runAtTheSameTime("patstat-assemble", ranges);
        rangeAccountings.forEach(rangeAccounting -> accounting.add(rangeAccounting.snapshot()));
    }

    private void publishRange(ApplicationAssembler assembler, DigestState digests, Long from, Long to,
            RecordAccounting rangeAccounting) {
        ContentDigest<PatentApplication> digester = new ContentDigest<>(PatentApplication.class);
        try (DigestState.Recorder recorder = digests.newRecorder();
                ReleaseDiff diff = new ReleaseDiff(
                        digests.previous(from == null ? null : OrderedKeys.of(from), to == null ? null : OrderedKeys.of(to)),
                        recorder,
                        retractedKey -> {
                            send(EventTopics.PATSTAT_APPLICATIONS.name(), Long.toString(OrderedKeys.get(retractedKey, 0)), null);
                            rangeAccounting.eventRetracted();
                        })) {
            assembler.assembleRange(from, to, new ApplicationAssembler.Output() {
                @Override
                public void application(PatentApplication application) {
                    // The digest covers everything but sourceRelease, which the assembler leaves blank.
                    byte[] digest = digester.of(application);
                    ReleaseDiff.Change change = diff.offer(OrderedKeys.of(application.getApplnId()), digest);
                    if (change == ReleaseDiff.Change.UNCHANGED) {
                        rangeAccounting.eventUnchanged();
                        return;
                    }
                    application.setSourceRelease(job.release());
                    send(EventTopics.PATSTAT_APPLICATIONS.name(), Long.toString(application.getApplnId()), application);
                    rangeAccounting.eventChanged();
                }

                @Override
                public void reject(String file, long line, String reason, String content) {
                    publishReject(file, line, reason, content);
                }
            }, rangeAccounting);
            diff.finish();
        }
    }

    private void send(String topic, String key, PatentApplication application) {
        synchronized (sink) {
            sink.send(topic, key, application);
        }
    }

    /**
     * Runs the tasks on as many threads as there are cores (at least two) and waits for all;
     * the first failure stops the others and is thrown once none is still running (they write to
     * stores that close after this returns).
     */
    private void runAtTheSameTime(String threadName, List<Callable<Void>> tasks) throws Exception {
        int threads = Math.min(tasks.size(), Math.max(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, threadName + "-" + job.id());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                running.add(pool.submit(task));
            }
            for (Future<Void> task : running) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException(threadName + ": a task did not stop within a minute");
            }
        }
    }

    private void publishReject(String file, long line, String reason, String content) {
        synchronized (sink) {
            publications.reject(file, line, reason, content);
        }
    }
}
