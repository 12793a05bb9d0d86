package eu.emistreams.ingest.api;

import eu.emistreams.events.DiskSpace;
import eu.emistreams.events.ReleaseIds;
import eu.emistreams.ingest.health.StateDiskSpace;
import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.IngestJobs;
import eu.emistreams.ingest.job.JobAnnouncements;
import eu.emistreams.ingest.job.IngestSource;
import eu.emistreams.ingest.source.ReleaseArchives;
import eu.emistreams.ingest.source.SourceFiles;
import eu.emistreams.ingest.source.UnreadableInputException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.io.file.PathUtils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Submits ingest jobs and reports on them. Input is checked before a job is queued, so a missing
 * file or column is a 400 naming the file; jobs then run one at a time (see {@link IngestJobs}).
 */
@Path("/api/ingest")
@Produces(MediaType.APPLICATION_JSON)
public class IngestResource {


    private final IngestJobs jobs;
    private final Map<String, IngestSource> sources = new LinkedHashMap<>();
    private final java.nio.file.Path uploads;

    private final IngestInbox inbox;

    private final ReleaseArchives.Limits archiveLimits;

    private final JobAnnouncements announcements;

    private final StateDiskSpace diskSpace;
    /** How soon a refused client may try again: the readiness check polls at about this pace. */
    private static final int RETRY_AFTER_SECONDS = 30;
    /** The producer gives up on the broker after its delivery timeout; a few seconds later is a fair retry. */
    private static final int KAFKA_RETRY_AFTER_SECONDS = 10;

    public IngestResource(IngestJobs jobs, JobAnnouncements announcements, @Any Instance<IngestSource> sources,
            IngestInbox inbox, StateDiskSpace diskSpace,
            @ConfigProperty(name = "emi.ingest.state-dir") java.nio.file.Path stateDirectory,
            @ConfigProperty(name = "emi.ingest.archive.max-unpacked-bytes") long maxUnpackedBytes,
            @ConfigProperty(name = "emi.ingest.archive.max-ratio") double maxRatio,
            @ConfigProperty(name = "emi.ingest.archive.max-entries") int maxEntries) {
        this.jobs = jobs;
        this.announcements = announcements;
        this.inbox = inbox;
        this.diskSpace = diskSpace;
        this.archiveLimits = new ReleaseArchives.Limits(maxUnpackedBytes, maxRatio, maxEntries);
        sources.forEach(source -> this.sources.put(source.name(), source));
        this.uploads = stateDirectory.resolve("uploads");
    }

    @POST
    @Path("/{source}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ingest(@PathParam("source") String sourceName, IngestRequest request) {
        IngestSource source = source(sourceName);
        requireRoom();
        if (request == null || request.path() == null || request.path().isBlank()) {
            throw badRequest("the body must be {\"path\": \"/absolute/release/dir\", \"release\": \"id\"}");
        }
        java.nio.file.Path path = java.nio.file.Path.of(request.path());
        if (!path.isAbsolute()) {
            throw badRequest(request.path() + ": the path must be absolute (it is read by the service)");
        }
        inbox.check(path);
        if (!Files.exists(path)) {
            throw badRequest(path + ": no such file or directory");
        }
        if (ReleaseArchives.isArchive(path)) {
            java.nio.file.Path unpacked = newUploadDirectory();
            try {
                ReleaseArchives.unpack(path, unpacked, archiveLimits);
                return submit(source, ReleaseArchives.releaseRoot(unpacked, source::holdsRelease),
                        request.release() != null ? request.release() : ReleaseArchives.baseName(path), unpacked);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(unpacked);
                throw asProblem(e);
            }
        }
        if (Files.isRegularFile(path) && source.readsSingleFile()) {
            String release = request.release() != null ? request.release() : SourceFiles.baseName(path);
            return submit(source, path, release, null);
        }
        if (!Files.isDirectory(path)) {
            throw badRequest(path + ": neither a directory nor a .zip or .tar.gz release archive"
                    + (source.readsSingleFile() ? " nor a .csv, .csv.gz or .csv.zip file" : ""));
        }
        String release = request.release() != null ? request.release() : path.getFileName().toString();
        return submit(source, path, release, null);
    }

    @POST
    @Path("/{source}/upload")
    @Consumes({"application/zip", "application/gzip", "application/x-gzip", "application/x-zip-compressed",
        MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@PathParam("source") String sourceName, @QueryParam("release") String release,
            InputStream body) {
        IngestSource source = source(sourceName);
        requireRoom();
        java.nio.file.Path unpacked = newUploadDirectory();
        try {
            ReleaseArchives.unpack(body, "the uploaded archive", unpacked, archiveLimits);
            java.nio.file.Path root = ReleaseArchives.releaseRoot(unpacked, source::holdsRelease);
            String id = release;
            if (id == null) {
                if (root.equals(unpacked)) {
                    throw badRequest("name the release: ?release=ID (the archive has no top directory to name it)");
                }
                id = root.getFileName().toString();
            }
            return submit(source, root, id, unpacked);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(unpacked);
            throw asProblem(e);
        }
    }

    @GET
    @Path("/jobs/{id}")
    public JobView job(@PathParam("id") String id) {
        return jobs.find(id).map(JobView::of)
                .orElseThrow(() -> new ProblemException(404, "Unknown job", "no ingest job " + id));
    }

    @GET
    @Path("/jobs")
    public List<JobView> jobs() {
        return jobs.list().stream().map(JobView::of).toList();
    }

    private Response submit(IngestSource source, java.nio.file.Path releasePath, String release,
            java.nio.file.Path temporary) {
        if (!ReleaseIds.isValid(release)) {
            throw badRequest("release id '" + release + "': use " + ReleaseIds.RULE);
        }
        try {
            source.check(releasePath);
        } catch (IOException e) {
            throw asProblem(e);
        }
        try {
            announcements.queued(source.name(), release, System.currentTimeMillis());
        } catch (RuntimeException e) {
            throw new ProblemException(503, "Kafka unavailable", "the job could not be recorded on "
                    + eu.emistreams.events.EventTopics.INGEST_REPORTS.name() + ", so it was not accepted; try again: " + e.getMessage(),
                    KAFKA_RETRY_AFTER_SECONDS);
        }
        IngestJob job = jobs.submit(source, releasePath, release, temporary);
        return Response.accepted(JobView.of(job)).location(URI.create("/api/ingest/jobs/" + job.id())).build();
    }

    /** No job starts on a nearly full disk: it would fail half done and leave its release to be run again. */
    private void requireRoom() {
        DiskSpace space;
        try {
            space = diskSpace.measure();
        } catch (IOException e) {
            throw new ProblemException(503, "State directory unavailable", e.getMessage(), RETRY_AFTER_SECONDS);
        }
        if (space.low()) {
            throw new ProblemException(503, "Disk nearly full", "no job is accepted: " + space.describe(), RETRY_AFTER_SECONDS);
        }
    }

    private IngestSource source(String name) {
        IngestSource source = sources.get(name);
        if (source != null) {
            return source;
        }
        throw new ProblemException(404, "Unknown source", "no source '" + name + "'; known sources: "
                + String.join(", ", sources.keySet()));
    }

    private java.nio.file.Path newUploadDirectory() {
        try {
            return Files.createDirectories(uploads.resolve(UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new ProblemException(500, "Storage failure", "cannot create a directory under " + uploads + ": "
                    + e.getMessage());
        }
    }

    private static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Unreadable input", detail);
    }

    private static RuntimeException asProblem(Exception e) {
        if (e instanceof ProblemException problem) {
            return problem;
        }
        if (e instanceof UnreadableInputException) {
            return badRequest(e.getMessage());
        }
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        return new ProblemException(500, "Storage failure", e.getMessage());
    }

    private static void deleteQuietly(java.nio.file.Path directory) {
        try {
            PathUtils.deleteDirectory(directory);
        } catch (IOException ignored) {
            // an orphan upload directory is harmless; the next cleanup of the state dir removes it
        }
    }
}
