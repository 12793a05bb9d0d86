package eu.emistreams.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The ingest inbox of a stack: the only directory its ingest service reads releases from by path
 * ({@code emi.ingest.inbox}; the ingest container sees it at the same path). Releases are staged
 * into it for one job, as hard links where the file system allows and copies elsewhere.
 */
public final class ReleaseInbox {

    private ReleaseInbox() {
    }

    public static Path directory(StackSettings settings) {
        return settings.dataDir().resolve("inbox");
    }

    /**
     * Puts a release (a directory or a file) into the inbox: hard links, or copies across file
     * systems. The caller deletes it with {@link #unstage} after the job.
     */
    public static Path stage(StackSettings settings, Path release) {
        Path staged = directory(settings).resolve(Long.toHexString(System.nanoTime())).resolve(release.getFileName());
        try (Stream<Path> files = Files.walk(release)) {
            for (Path source : files.toList()) {
                Path target = staged.resolve(release.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try {
                    Files.createLink(target, source);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot stage " + release + " in " + directory(settings) + ": " + e.getMessage(), e);
        }
        return staged;
    }

    /** Deletes a release staged by {@link #stage}. */
    public static void unstage(StackSettings settings, Path staged) {
        Path batch = staged.getParent();
        if (batch == null || !batch.startsWith(directory(settings))) {
            return;
        }
        try (Stream<Path> paths = Files.walk(batch)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new StackException("cannot delete the staged release " + batch + ": " + e.getMessage(), e);
        }
    }
}
