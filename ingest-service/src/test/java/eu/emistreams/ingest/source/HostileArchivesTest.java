package eu.emistreams.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives built to harm: each is refused whole with one line naming the archive and the reason,
 * and nothing lands outside the target directory.
 */
class HostileArchivesTest {

    @TempDir
    Path dir;

    private static final ReleaseArchives.Limits SMALL = new ReleaseArchives.Limits(10L << 20, 50, 20);

    @Test
    void anAbsoluteEntryPathIsRefused() throws IOException {
        Path tgz = tarGz("abs.tar.gz", tar -> file(tar, "/tmp/emi-hostile-absolute.csv", "x\n"));
        assertRefused(tgz, ReleaseArchives.Limits.DEFAULT, "abs.tar.gz: entry /tmp/emi-hostile-absolute.csv points outside");
        assertTrue(Files.notExists(Path.of("/tmp/emi-hostile-absolute.csv")));
    }

    @Test
    void aParentDirectoryEntryInATarIsRefused() throws IOException {
        Path tgz = tarGz("slip.tar.gz", tar -> file(tar, "release/../../slipped.csv", "x\n"));
        assertRefused(tgz, ReleaseArchives.Limits.DEFAULT, "slip.tar.gz: entry release/../../slipped.csv points outside");
        assertTrue(Files.notExists(dir.resolve("slipped.csv")));
    }

    @Test
    void symbolicAndHardLinksInATarAreRefused() throws IOException {
        Path symlink = tarGz("symlink.tar.gz", tar -> link(tar, "release/tls201_appln.csv", "/etc/passwd",
                TarConstants.LF_SYMLINK));
        assertRefused(symlink, ReleaseArchives.Limits.DEFAULT, "symlink.tar.gz: entry release/tls201_appln.csv is a symbolic link");
        Path hardlink = tarGz("hardlink.tar.gz", tar -> link(tar, "release/tls201_appln.csv", "/etc/passwd",
                TarConstants.LF_LINK));
        assertRefused(hardlink, ReleaseArchives.Limits.DEFAULT, "hardlink.tar.gz: entry release/tls201_appln.csv is a hard link");
    }

    @Test
    void devicesAndPipesInATarAreRefused() throws IOException {
        Path device = tarGz("device.tar.gz", tar -> special(tar, "release/tty", TarConstants.LF_CHR));
        assertRefused(device, ReleaseArchives.Limits.DEFAULT, "device.tar.gz: entry release/tty is a device");
        Path block = tarGz("block.tar.gz", tar -> special(tar, "release/sda", TarConstants.LF_BLK));
        assertRefused(block, ReleaseArchives.Limits.DEFAULT, "block.tar.gz: entry release/sda is a device");
        Path fifo = tarGz("fifo.tar.gz", tar -> special(tar, "release/pipe", TarConstants.LF_FIFO));
        assertRefused(fifo, ReleaseArchives.Limits.DEFAULT, "fifo.tar.gz: entry release/pipe is a named pipe");
    }

    @Test
    void aSymbolicLinkInAZipBecomesAPlainFileHoldingItsText() throws IOException {
        // A zip read as a stream has no unix modes (they are in the central directory at its
        // end): a link entry cannot be told, and is written, like every entry, as a regular file.
        Path zip = dir.resolve("link.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            ZipArchiveEntry entry = new ZipArchiveEntry("release/tls201_appln.csv");
            entry.setUnixMode(0120777);
            out.putArchiveEntry(entry);
            out.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        Path target = dir.resolve("unpacked");
        ReleaseArchives.unpack(zip, target, SMALL);
        Path unpacked = target.resolve("release/tls201_appln.csv");
        assertTrue(Files.isRegularFile(unpacked, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("/etc/passwd", Files.readString(unpacked));
    }

    @Test
    void anArchiveThatUnpacksBeyondTheTotalLimitIsRefused() throws IOException {
        // Incompressible-looking lines keep the ratio low: only the total limit applies.
        Path tgz = tarGz("big.tar.gz", tar -> {
            StringBuilder content = new StringBuilder();
            java.util.Random random = new java.util.Random(7);
            while (content.length() < (11 << 20)) {
                content.append(Long.toHexString(random.nextLong())).append('\n');
            }
            file(tar, "release/tls201_appln.csv", content.toString());
        });
        assertRefused(tgz, new ReleaseArchives.Limits(10L << 20, 1000, 20),
                "big.tar.gz: unpacks to more than 10485760 bytes (emi.ingest.archive.max-unpacked-bytes)");
    }

    @Test
    void aZipBombIsRefusedByItsRatio() throws IOException {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("release/tls201_appln.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }
        assertTrue(Files.size(zip) < 200_000, "the bomb is small: " + Files.size(zip));
        assertRefused(zip, new ReleaseArchives.Limits(1L << 40, 50, 20),
                "bomb.zip: unpacks to more than 50.0 times its size (emi.ingest.archive.max-ratio), as a zip bomb does");
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Path zip = dir.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 21; i++) {
                out.putNextEntry(new ZipEntry("release/file-" + i + ".csv"));
                out.write('x');
            }
        }
        assertRefused(zip, SMALL, "many.zip: more than 20 entries (emi.ingest.archive.max-entries)");
    }

    @Test
    void anEntryTwiceIsRefused() throws IOException {
        Path tgz = tarGz("twice.tar.gz", tar -> {
            file(tar, "release/tls201_appln.csv", "appln_id\n1\n");
            file(tar, "release/tls201_appln.csv", "appln_id\n2\n");
        });
        assertRefused(tgz, ReleaseArchives.Limits.DEFAULT, "twice.tar.gz: entry release/tls201_appln.csv appears twice");
    }

    @Test
    void aReleaseWithinTheLimitsUnpacks() throws IOException {
        Path tgz = tarGz("fine.tar.gz", tar -> file(tar, "release/tls201_appln.csv", "appln_id\n1\n".repeat(1000)));
        Path target = dir.resolve("unpacked");
        ReleaseArchives.unpack(tgz, target, SMALL);
        assertEquals("appln_id\n1\n".repeat(1000), Files.readString(target.resolve("release/tls201_appln.csv")));
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ReleaseArchives.Limits(0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new ReleaseArchives.Limits(10, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new ReleaseArchives.Limits(10, 10, 0));
    }

    private void assertRefused(Path archive, ReleaseArchives.Limits limits, String message) throws IOException {
        Path target = dir.resolve("unpacked-" + archive.getFileName());
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> ReleaseArchives.unpack(archive, target, limits));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        // Nothing outside the target: the temporary directory holds the archive and the target only.
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> outside = entries.filter(p -> !p.equals(target) && !p.getFileName().toString().matches(".*\\.(zip|tar\\.gz)"))
                    .toList();
            assertEquals(List.of(), outside, "written beside the target");
        }
    }

    private Path tarGz(String name, Consumer<TarArchiveOutputStream> entries) throws IOException {
        Path archive = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            entries.accept(tar);
        }
        return archive;
    }

    private static void file(TarArchiveOutputStream tar, String name, String content) {
        try {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setSize(bytes.length);
            tar.putArchiveEntry(entry);
            tar.write(bytes);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void link(TarArchiveOutputStream tar, String name, String target, byte type) {
        try {
            TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
            if (target != null) {
                entry.setLinkName(target);
            }
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A device or pipe: an entry of that type without data or link target. */
    private static void special(TarArchiveOutputStream tar, String name, byte type) {
        link(tar, name, null, type);
    }
}
