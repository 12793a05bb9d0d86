package eu.emistreams.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The usable space of the file system that holds a service's state, against the floor that
 * {@code emi.state.min-free-space} sets. Below the floor a Streams service pauses processing and
 * the ingest service accepts no job, before a write fails half done on a full disk.
 */
public record DiskSpace(Path path, long usableBytes, long minFreeBytes) {

    public static final String MIN_FREE_KEY = "emi.state.min-free-space";
    /** The default of {@link #MIN_FREE_KEY}, in Quarkus' memory size notation. */
    public static final String MIN_FREE_DEFAULT = "256M";

    /** Measures the file system of {@code path}, or of its nearest existing parent. */
    public static DiskSpace of(Path path, long minFreeBytes) throws IOException {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IOException(path + ": no part of the path exists");
        }
        return new DiskSpace(path, Files.getFileStore(existing).getUsableSpace(), minFreeBytes);
    }

    public boolean low() {
        return usableBytes < minFreeBytes;
    }

    /** Whether there is room again with a margin ({@code factor} times the floor), so that a pause does not flap. */
    public boolean roomy(double factor) {
        return usableBytes >= (long) (minFreeBytes * factor);
    }

    public String describe() {
        return "%s has %s free, below the %s of %s".formatted(path, mebibytes(usableBytes), mebibytes(minFreeBytes), MIN_FREE_KEY);
    }

    public static String mebibytes(long bytes) {
        return "%.1f MiB".formatted(bytes / (1024.0 * 1024.0));
    }
}
