package eu.emistreams.ingest.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directories a release may be ingested from by path ({@code emi.ingest.inbox}): the service
 * reads nothing else a request names, so a POST cannot make it read, and publish the rejected rows
 * of, any file it can open. Symbolic links are followed to where they lead, and that must be in
 * an inbox too. The launcher stages releases there (hard links); uploads need no inbox.
 */
@ApplicationScoped
public class IngestInbox {

    private final List<Path> roots;

    public IngestInbox(@ConfigProperty(name = "emi.ingest.inbox") List<Path> roots) {
        this.roots = new ArrayList<>();
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            try {
                Files.createDirectories(absolute);
                this.roots.add(absolute.toRealPath());
            } catch (IOException e) {
                throw new UncheckedIOException("the ingest inbox " + absolute + " cannot be created", e);
            }
        }
    }

    public List<Path> roots() {
        return List.copyOf(roots);
    }

    /**
     * Refuses (403) a path outside every inbox, by its name and, when it exists, by where it and
     * every link under it lead. A path outside is refused before its existence is looked at.
     */
    public void check(Path requested) {
        Path normalized = requested.toAbsolutePath().normalize();
        if (!inside(normalized)) {
            throw outside(requested);
        }
        if (!Files.exists(normalized)) {
            return;
        }
        try {
            if (!inside(normalized.toRealPath())) {
                throw outside(requested);
            }
            if (Files.isDirectory(normalized)) {
                try (Stream<Path> entries = Files.walk(normalized)) {
                    for (Path entry : entries.filter(Files::isSymbolicLink).toList()) {
                        if (Files.exists(entry) && !inside(entry.toRealPath())) {
                            throw new ProblemException(403, "Outside the ingest inbox", entry
                                    + ": a link to a file outside the ingest inbox (emi.ingest.inbox)");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new ProblemException(400, "Unreadable input", requested + ": " + e.getMessage());
        }
    }

    private boolean inside(Path path) {
        return roots.stream().anyMatch(path::startsWith);
    }

    private ProblemException outside(Path requested) {
        return new ProblemException(403, "Outside the ingest inbox", requested
                + ": the service reads releases only under " + roots
                + " (emi.ingest.inbox); put the release there or upload it");
    }
}
