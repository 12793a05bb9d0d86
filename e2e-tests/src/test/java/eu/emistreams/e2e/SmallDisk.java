package eu.emistreams.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real small file system (a tmpfs) put under a directory of a stopped process, with what the
 * directory held copied onto it, and a filler file that takes its free space: the disk of that
 * process then is nearly full as a real one is, every write of the process going to it. Mounting
 * needs root, which the CI machine and this one are.
 */
final class SmallDisk implements AutoCloseable {

    private final Path directory;
    private final Path filler;

    private SmallDisk(Path directory) {
        this.directory = directory;
        this.filler = directory.resolve("disk-filler.bin");
    }

    /** Mounts a tmpfs of {@code mebibytes} at {@code directory}, keeping the directory's contents. */
    static SmallDisk mount(Path directory, int mebibytes) {
        try {
            Path onDisk = directory.resolveSibling(directory.getFileName() + ".on-disk");
            Files.createDirectories(directory);
            Files.move(directory, onDisk, StandardCopyOption.ATOMIC_MOVE);
            Files.createDirectories(directory);
            run("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m,mode=0700", "tmpfs", directory.toString());
            run("cp", "-a", onDisk + "/.", directory.toString());
            org.apache.commons.io.file.PathUtils.deleteDirectory(onDisk);
            return new SmallDisk(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put " + directory + " on a small disk", e);
        }
    }

    long usableBytes() {
        try {
            return Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file of real bytes until {@code leftBytes} are free (tmpfs has no sparse space to cheat with). */
    void fillLeaving(long leftBytes) {
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) 0x5a);
        try (OutputStream out = Files.newOutputStream(filler)) {
            long toWrite = usableBytes() - leftBytes;
            while (toWrite > 0) {
                int n = (int) Math.min(chunk.length, toWrite);
                out.write(chunk, 0, n);
                toWrite -= n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill " + directory, e);
        }
    }

    void free() {
        try {
            Files.deleteIfExists(filler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lazily: a process killed or still stopping may hold a file open on it. */
    @Override
    public void close() {
        run("umount", "-l", directory.toString());
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (mounting a tmpfs needs root): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> describe(SmallDisk... disks) {
        return Stream.of(disks).map(disk -> disk.directory + ": " + disk.usableBytes() / (1024 * 1024) + " MiB free").toList();
    }
}
