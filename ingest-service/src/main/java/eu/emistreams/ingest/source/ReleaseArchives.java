package eu.emistreams.ingest.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A whole release in one file, a .zip or a .tar.gz, as uploaded over HTTP or named on the
 * command line. It is unpacked to a directory and read from there like any release directory.
 * Only directories and regular files are unpacked, inside the target and within {@link Limits}:
 * anything else (a path outside, a link, a device, a bomb) refuses the whole archive in one line.
 */
public final class ReleaseArchives {

    /**
     * How far an archive may unpack: total bytes, bytes per byte of archive (a bomb's ratio; only
     * counted beyond the first {@link #RATIO_FREE_BYTES}, so that tiny archives of repeated lines
     * pass) and entries. Configured by {@code emi.ingest.archive.*}.
     */
    public record Limits(long maxUnpackedBytes, double maxRatio, int maxEntries) {

        public static final long RATIO_FREE_BYTES = 1 << 20;

        /** Room for a whole PATSTAT release (hundreds of GB unpacked) and the CSV compression ratios seen in practice. */
        public static final Limits DEFAULT = new Limits(512L << 30, 200, 10_000);

        public Limits {
            if (maxUnpackedBytes <= 0 || maxRatio <= 1 || maxEntries <= 0) {
                throw new IllegalArgumentException("archive limits must be positive (ratio above 1): " + maxUnpackedBytes
                        + ", " + maxRatio + ", " + maxEntries);
            }
        }
    }

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};

    private ReleaseArchives() {
    }

    /** Whether the path names a release archive rather than a directory. */
    public static boolean isArchive(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && (name.endsWith(".zip") || name.endsWith(".tar.gz") || name.endsWith(".tgz"));
    }

    /**
     * The release id an archive's name suggests: its name without the archive suffix, and without
     * {@code .csv} for a zipped single CSV ({@code comtrade-2022.csv.zip} gives {@code comtrade-2022}).
     */
    public static String baseName(Path path) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : List.of(".tar.gz", ".tgz", ".csv.zip", ".zip")) {
            if (lower.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** Unpacks an archive file into {@code target}; the format is told by its first bytes. */
    public static void unpack(Path archive, Path target) throws IOException {
        unpack(archive, target, Limits.DEFAULT);
    }

    public static void unpack(Path archive, Path target, Limits limits) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
            unpack(in, archive.getFileName().toString(), target, limits);
        }
    }

    public static void unpack(InputStream stream, String name, Path target) throws IOException {
        unpack(stream, name, target, Limits.DEFAULT);
    }

    /**
     * Unpacks a zip or tar.gz stream into {@code target}. Entries that would land outside it
     * ({@code ../}, absolute paths), links, devices and pipes are refused rather than skipped, as
     * is an archive beyond the limits: such an archive is not a release. The caller deletes
     * {@code target} when this throws.
     */
    public static void unpack(InputStream stream, String name, Path target, Limits limits) throws IOException {
        CountingInputStream counted = new CountingInputStream(stream);
        InputStream in = new BufferedInputStream(counted, 1 << 16);
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[1 << 16];
        try (ArchiveInputStream<? extends ArchiveEntry> archive = open(in, head, name)) {
            ArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new UnreadableInputException(name + ": more than " + limits.maxEntries()
                            + " entries (emi.ingest.archive.max-entries)");
                }
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root) || destination.equals(root) && !entry.isDirectory()) {
                    throw new UnreadableInputException(name + ": entry " + entry.getName() + " points outside the archive");
                }
                refuseSpecial(name, entry);
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                if (!archive.canReadEntryData(entry)) {
                    throw new UnreadableInputException(name + ": entry " + entry.getName()
                            + " cannot be read (encrypted or an unsupported compression method)");
                }
                Files.createDirectories(destination.getParent());
                try (OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    int read;
                    while ((read = archive.read(buffer)) > 0) {
                        unpacked += read;
                        checkGrowth(name, unpacked, counted.count(), limits);
                        out.write(buffer, 0, read);
                    }
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    throw new UnreadableInputException(name + ": entry " + entry.getName() + " appears twice");
                }
            }
        } catch (UnreadableInputException e) {
            throw e;
        } catch (IOException e) {
            throw new UnreadableInputException(name + ": not a readable archive (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Only directories and regular files: a link could point anywhere, a device or pipe is no data.
     * A zip read as a stream carries no unix modes (they are in its central directory), so a zip
     * link is written as the regular file it also is, holding the link's text; no link is ever made.
     */
    private static void refuseSpecial(String name, ArchiveEntry entry) throws UnreadableInputException {
        String kind = null;
        if (entry instanceof TarArchiveEntry tar) {
            if (tar.isSymbolicLink()) {
                kind = "a symbolic link";
            } else if (tar.isLink()) {
                kind = "a hard link";
            } else if (tar.isCharacterDevice() || tar.isBlockDevice()) {
                kind = "a device";
            } else if (tar.isFIFO()) {
                kind = "a named pipe";
            } else if (!tar.isDirectory() && !tar.isFile()) {
                kind = "not a regular file";
            }
        } else if (entry instanceof ZipArchiveEntry zip && zip.isUnixSymlink()) {
            kind = "a symbolic link";
        }
        if (kind != null) {
            throw new UnreadableInputException(name + ": entry " + entry.getName() + " is " + kind
                    + "; a release archive holds only directories and regular files");
        }
    }

    private static void checkGrowth(String name, long unpacked, long compressed, Limits limits)
            throws UnreadableInputException {
        if (unpacked > limits.maxUnpackedBytes()) {
            throw new UnreadableInputException(name + ": unpacks to more than " + limits.maxUnpackedBytes()
                    + " bytes (emi.ingest.archive.max-unpacked-bytes)");
        }
        if (unpacked > Limits.RATIO_FREE_BYTES && unpacked > limits.maxRatio() * Math.max(compressed, 1)) {
            throw new UnreadableInputException(name + ": unpacks to more than " + limits.maxRatio()
                    + " times its size (emi.ingest.archive.max-ratio), as a zip bomb does");
        }
    }

    /** Counts the bytes of the archive itself, for the unpacking ratio. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    private static ArchiveInputStream<? extends ArchiveEntry> open(InputStream in, byte[] head, String name)
            throws IOException {
        if (startsWith(head, ZIP_MAGIC)) {
            return new ZipArchiveInputStream(in);
        }
        if (startsWith(head, GZIP_MAGIC)) {
            return new TarArchiveInputStream(new GzipCompressorInputStream(in, true));
        }
        throw new UnreadableInputException(name + ": neither a zip nor a tar.gz archive");
    }

    /**
     * The directory of an unpacked archive that holds the release: the top level when a table
     * sits there, else the one directory below that holds it.
     */
    public static Path releaseRoot(Path unpacked, Predicate<Path> holdsRelease) throws IOException {
        if (holdsRelease.test(unpacked)) {
            return unpacked;
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(unpacked, 3)) {
            walk.filter(Files::isDirectory).filter(holdsRelease).forEach(candidates::add);
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new UnreadableInputException(unpacked.getFileName() + ": the archive holds "
                + (candidates.isEmpty() ? "no release directory" : candidates.size() + " release directories"));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
