package eu.emistreams.ingest.job;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.file.PathUtils;
import org.jboss.logging.Logger;

/**
 * The job queue: jobs run one at a time, in the order submitted, on a single worker thread. One
 * at a time because each source's state is a sequence of releases, and because a release load
 * uses the machine's disk and cores fully. Finished jobs are kept (the last {@value #KEPT}) for
 * {@code GET /api/ingest/jobs}.
 */
@ApplicationScoped
public class IngestJobs {

    private static final Logger LOG = Logger.getLogger(IngestJobs.class);
    private static final int KEPT = 100;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "emi-ingest-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, IngestJob> jobs = new LinkedHashMap<>();

    /**
     * Queues a job; its input was checked by the caller.
     *
     * @param temporaryDirectory an unpacked archive to delete when the job ends, or null
     */
    public IngestJob submit(IngestSource source, Path releasePath, String release, Path temporaryDirectory) {
        IngestJob job = new IngestJob(UUID.randomUUID().toString(), source.name(), release, releasePath,
                temporaryDirectory);
        synchronized (jobs) {
            jobs.put(job.id(), job);
            forgetOldJobs();
        }
        worker.execute(() -> run(source, job));
        LOG.infof("queued ingest job %s: %s release %s from %s", job.id(), source.name(), release, releasePath);
        return job;
    }

    public Optional<IngestJob> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** Jobs in submission order. */
    public List<IngestJob> list() {
        synchronized (jobs) {
            return new ArrayList<>(jobs.values());
        }
    }

    public boolean workerAlive() {
        return !worker.isShutdown();
    }

    public long waiting() {
        return list().stream().filter(job -> job.state() == IngestJob.State.QUEUED).count();
    }

    private void run(IngestSource source, IngestJob job) {
        job.started();
        try {
            source.run(job);
            job.completed();
            LOG.infof("ingest job %s completed: %s release %s", job.id(), job.source(), job.release());
        } catch (Throwable e) {
            String reason = oneLine(e);
            job.failed(reason);
            LOG.errorf(e, "ingest job %s failed: %s", job.id(), reason);
            if (e instanceof Error error && !(e instanceof OutOfMemoryError)) {
                throw error;
            }
        } finally {
            if (job.temporaryDirectory() != null) {
                try {
                    PathUtils.deleteDirectory(job.temporaryDirectory());
                } catch (IOException e) {
                    LOG.warnf("could not delete %s: %s", job.temporaryDirectory(), e.getMessage());
                }
            }
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private void forgetOldJobs() {
        long finished = jobs.values().stream().filter(IngestJobs::finished).count();
        Iterator<IngestJob> oldest = jobs.values().iterator();
        while (finished > KEPT && oldest.hasNext()) {
            if (finished(oldest.next())) {
                oldest.remove();
                finished--;
            }
        }
    }

    private static boolean finished(IngestJob job) {
        return job.state() == IngestJob.State.COMPLETED || job.state() == IngestJob.State.FAILED;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
