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
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseFilesTest {

    @TempDir
    Path dir;

    @Test
    void findsEachTableInWhicheverVariantItIsStored() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "x\n");
        Files.writeString(dir.resolve("b.csv.gz"), "");
        Files.writeString(dir.resolve("c.csv.zip"), "");
        Map<String, TableFile> files = ReleaseFiles.locate(dir, List.of("a", "b", "c"));
        assertEquals(TableFile.Compression.NONE, files.get("a").compression());
        assertEquals(TableFile.Compression.GZIP, files.get("b").compression());
        assertEquals(TableFile.Compression.ZIP, files.get("c").compression());
    }

    @Test
    void aMissingTableIsNamed() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "x\n");
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> ReleaseFiles.locate(dir, List.of("a", "tls203_appln_abstr")));
        assertTrue(e.getMessage().startsWith("tls203_appln_abstr.csv: missing"), e.getMessage());
    }

    @Test
    void twoVariantsOfOneTableAreRefused() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "x\n");
        Files.writeString(dir.resolve("a.csv.gz"), "");
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> ReleaseFiles.locate(dir, List.of("a")));
        assertTrue(e.getMessage().contains("stored twice"), e.getMessage());
    }

    @Test
    void unpacksAZipAndFindsTheReleaseInItsTopDirectory() throws IOException {
        Path zip = dir.resolve("2024A.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("2024A/tls201_appln.csv"));
            out.write("appln_id\n1\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("2024A/notes.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(ReleaseArchives.isArchive(zip));
        assertEquals("2024A", ReleaseArchives.baseName(zip));
        Path target = dir.resolve("unpacked");
        ReleaseArchives.unpack(zip, target);
        Path root = ReleaseArchives.releaseRoot(target, d -> Files.exists(d.resolve("tls201_appln.csv")));
        assertEquals(target.resolve("2024A"), root);
        assertEquals("appln_id\n1\n", Files.readString(root.resolve("tls201_appln.csv")));
    }

    @Test
    void unpacksATarGzWithTheTablesAtTheTop() throws IOException {
        Path tgz = dir.resolve("release.tar.gz");
        try (OutputStream file = Files.newOutputStream(tgz);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            byte[] content = "appln_id\n7\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("tls201_appln.csv");
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        assertEquals("release", ReleaseArchives.baseName(tgz));
        Path target = dir.resolve("unpacked");
        ReleaseArchives.unpack(tgz, target);
        assertEquals(target, ReleaseArchives.releaseRoot(target, d -> Files.exists(d.resolve("tls201_appln.csv"))));
    }

    @Test
    void refusesEntriesThatEscapeTheTarget() throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../outside.csv"));
            out.write(1);
        }
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> ReleaseArchives.unpack(zip, dir.resolve("unpacked")));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("outside.csv")));
    }

    @Test
    void somethingElseIsNotAnArchive() throws IOException {
        Path file = dir.resolve("data.zip");
        Files.writeString(file, "just text");
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> ReleaseArchives.unpack(file, dir.resolve("unpacked")));
        assertTrue(e.getMessage().startsWith("data.zip: neither a zip nor a tar.gz"), e.getMessage());
    }
}
