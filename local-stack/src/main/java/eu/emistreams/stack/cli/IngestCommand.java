package eu.emistreams.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.emistreams.stack.StackException;
import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.ReleaseInbox;
import eu.emistreams.stack.container.KubePlay;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", description = "Ingest a source release: SOURCE is patstat, comtrade, prodcom or crunchbase; "
        + "PATH a directory or file in the layout of spec/sources.md.")
class IngestCommand implements Runnable {

    static final List<String> SOURCES = List.of("patstat", "comtrade", "prodcom", "crunchbase");

    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Parameters(index = "1", paramLabel = "PATH")
    Path path;

    @Option(names = "--release", paramLabel = "ID", description = "release id (default: the directory or file name)")
    String release;

    @Override
    public void run() {
        JsonNode job = ingest(Launcher.settings(), source, path, release, true);
        printSummary(job);
    }

    /** Submits the job, follows it to the end and returns its final state; throws on failure. */
    static JsonNode ingest(StackSettings settings, String source, Path path, String release, boolean progress) {
        if (!SOURCES.contains(source)) {
            throw new StackException("unknown source '" + source + "': use one of " + String.join(", ", SOURCES));
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new StackException(absolute + ": no such file or directory");
        }
        if (!Files.isReadable(absolute)) {
            throw new StackException(absolute + ": not readable");
        }
        if (KubePlay.isActive(settings)) {
            // The played pods see none of this machine's files: the release goes as an upload.
            return submitAndFollow(settings, source, absolute, release, progress, true);
        }
        // The ingest service reads by path only under the stack's inbox: the release goes there for the job.
        Path staged = ReleaseInbox.stage(settings, absolute);
        try {
            return submitAndFollow(settings, source, staged, release, progress, false);
        } finally {
            ReleaseInbox.unstage(settings, staged);
        }
    }

    private static JsonNode submitAndFollow(StackSettings settings, String source, Path absolute, String release,
            boolean progress, boolean upload) {
        Http.Answer submitted = upload ? upload(settings, source, absolute, release) : submitPath(settings, source,
                absolute, release);
        if (!submitted.ok()) {
            throw new StackException(submitted.reason());
        }
        String jobId = submitted.body().path("id").asText();
        ProgressBar bar = new ProgressBar(progress && System.console() != null);
        while (true) {
            Http.Answer answer = Http.get(settings.ingestUrl() + "/api/ingest/jobs/" + jobId, Duration.ofSeconds(10));
            if (!answer.ok()) {
                bar.finish();
                throw new StackException("ingest job " + jobId + ": " + answer.reason());
            }
            JsonNode job = answer.body();
            String state = job.path("state").asText();
            bar.show(job);
            if (state.equals("COMPLETED")) {
                bar.finish();
                return job;
            }
            if (state.equals("FAILED")) {
                bar.finish();
                throw new StackException(job.path("message").asText("ingest failed"));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted; the ingest job " + jobId + " goes on in the service");
            }
        }
    }

    private static Http.Answer submitPath(StackSettings settings, String source, Path absolute, String release) {
        ObjectNode request = Http.JSON.createObjectNode().put("path", absolute.toString());
        if (release != null) {
            request.put("release", release);
        }
        String url = settings.ingestUrl() + "/api/ingest/" + source;
        return Http.send(Http.authorized(HttpRequest.newBuilder(URI.create(url)), settings)
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), "the ingest service");
    }

    /** Sends the release as an archive: as it is when it is one, else packed by the system's tar. */
    private static Http.Answer upload(StackSettings settings, String source, Path absolute, String release) {
        String name = absolute.getFileName().toString();
        boolean zip = name.endsWith(".zip");
        boolean archive = zip || name.endsWith(".tar.gz") || name.endsWith(".tgz");
        String id = release != null ? release : archive ? name.replaceFirst("\\.(zip|tar\\.gz|tgz)$", "")
                : name.replaceFirst("\\.[^.]+$", "");
        Path file = absolute;
        try {
            if (!archive) {
                Files.createDirectories(settings.dataDir().resolve("uploads"));
                file = Files.createTempFile(settings.dataDir().resolve("uploads"), "release-", ".tar.gz");
                Process tar = new ProcessBuilder("tar", "-C", absolute.getParent().toString(), "-czf", file.toString(),
                        name).redirectErrorStream(true).start();
                String output = new String(tar.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (tar.waitFor() != 0) {
                    throw new StackException("packing " + absolute + " with tar failed: " + output.strip());
                }
            }
            String url = settings.ingestUrl() + "/api/ingest/" + source + "/upload?release="
                    + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
            return Http.send(Http.authorized(HttpRequest.newBuilder(URI.create(url)), settings)
                    .timeout(Duration.ofMinutes(30))
                    .header("Content-Type", zip ? "application/zip" : "application/gzip")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), "the ingest service");
        } catch (java.io.IOException e) {
            throw new StackException("cannot upload " + absolute + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        } finally {
            if (!file.equals(absolute)) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a temporary archive under the data directory; ./emi down --purge removes it
                }
            }
        }
    }

    static void printSummary(JsonNode job) {
        JsonNode r = job.path("report");
        System.out.printf("%s release %s: read %d rows: %d published, %d ignored, %d data-quality, %d rejected%n",
                job.path("source").asText(), job.path("release").asText(), r.path("read").asLong(),
                r.path("published").asLong(), r.path("ignored").asLong(), r.path("quality").asLong(),
                r.path("rejected").asLong());
        System.out.printf("events: %d new or changed, %d unchanged, %d retracted%n",
                r.path("eventsChanged").asLong(), r.path("eventsUnchanged").asLong(),
                r.path("eventsRetracted").asLong());
        JsonNode details = r.path("details");
        if (details.size() > 0) {
            StringBuilder line = new StringBuilder("details:");
            details.fields().forEachRemaining(e -> line.append(' ').append(e.getKey()).append('=')
                    .append(e.getValue().asText()));
            System.out.println(line);
        }
    }

    /** A one-line progress bar redrawn in place; silent when output is not a terminal. */
    static final class ProgressBar {
        private final boolean enabled;
        private boolean drawn;

        ProgressBar(boolean enabled) {
            this.enabled = enabled;
        }

        void show(JsonNode job) {
            if (!enabled) {
                return;
            }
            long done = job.path("bytesRead").asLong();
            long total = job.path("bytesTotal").asLong();
            double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
            int width = 30;
            int filled = (int) Math.round(fraction * width);
            System.out.printf("\r%-10s [%s%s] %3.0f%%  %,d rows  %s   ", job.path("phase").asText(
                    job.path("state").asText()), "#".repeat(filled), " ".repeat(width - filled), fraction * 100,
                    job.path("rowsRead").asLong(), job.path("state").asText());
            System.out.flush();
            drawn = true;
        }

        void finish() {
            if (drawn) {
                System.out.println();
            }
        }
    }
}
