package eu.emistreams.ingest.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A whole release in one file, a .zip or a .tar.gz, as uploaded over HTTP or named on the
 * command line. It is unpacked to a directory and read from there like any release directory.
 */
public final class ReleaseArchives {

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
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
            unpack(in, archive.getFileName().toString(), target);
        }
    }

    /**
     * Unpacks a zip or tar.gz stream into {@code target}. Entries that would land outside it
     * ({@code ../}, absolute paths) are refused rather than skipped: such an archive is not a release.
     */
    public static void unpack(InputStream stream, String name, Path target) throws IOException {
        InputStream in = stream.markSupported() ? stream : new BufferedInputStream(stream, 1 << 16);
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        try (ArchiveInputStream<? extends ArchiveEntry> archive = open(in, head, name)) {
            ArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root)) {
                    throw new UnreadableInputException(name + ": entry " + entry.getName() + " points outside the archive");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else if (archive.canReadEntryData(entry)) {
                    Files.createDirectories(destination.getParent());
                    Files.copy(archive, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UnreadableInputException e) {
            throw e;
        } catch (IOException e) {
            throw new UnreadableInputException(name + ": not a readable archive (" + e.getMessage() + ")", e);
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
