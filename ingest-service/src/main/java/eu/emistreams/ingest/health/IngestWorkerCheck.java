package eu.emistreams.ingest.health;

import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.IngestJobs;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the job worker runs; reports the queue. */
@Liveness
@ApplicationScoped
public class IngestWorkerCheck implements HealthCheck {

    private final IngestJobs jobs;

    public IngestWorkerCheck(IngestJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public HealthCheckResponse call() {
        long running = jobs.list().stream().filter(job -> job.state() == IngestJob.State.RUNNING).count();
        return HealthCheckResponse.named("Ingest worker")
                .status(jobs.workerAlive())
                .withData("running", running)
                .withData("queued", jobs.waiting())
                .build();
    }
}
