package eu.emistreams.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    private static final String TITLES = "\uFEFFAPPLN_TITLE,extra_column,appln_id\r\n"
            + "\"Solar cell, \"\"bifacial\"\"\nsecond line\",x,1\r\n"
            + "Wind turbine,y,2\r\n"
            + "\r\n"
            + "Too,many,fields,here\r\n"
            + "Łódź 中文 ø,z,3\r\n";

    @TempDir
    Path dir;

    @Test
    void readsColumnsByNameInAnyOrderAndCaseWithABomAndExtraColumns() throws IOException {
        TableFile file = write("tls202_appln_title.csv", TITLES);
        List<CsvRow> rows = readAll(file, List.of("appln_id", "appln_title"));

        assertEquals(4, rows.size());
        assertEquals("1", rows.get(0).get("appln_id"));
        assertEquals("Solar cell, \"bifacial\"\nsecond line", rows.get(0).get("appln_title"));
        assertEquals("Łódź 中文 ø", rows.get(3).get("appln_title"));
        assertNull(rows.get(0).get("no_such_column"));
    }

    @Test
    void tracksThePhysicalLineWhereEachRowStarts() throws IOException {
        List<CsvRow> rows = readAll(write("t.csv", TITLES), List.of("appln_id"));
        // Header on line 1, a two-line record on 2-3, then 4, a blank line 5, then 6 and 7.
        assertEquals(List.of(2L, 4L, 6L, 7L), rows.stream().map(CsvRow::line).toList());
    }

    @Test
    void flagsARowWithAWrongFieldCountAndKeepsItsContent() throws IOException {
        List<CsvRow> rows = readAll(write("t.csv", TITLES), List.of("appln_id"));
        assertTrue(rows.get(0).consistent());
        assertFalse(rows.get(2).consistent());
        assertEquals(4, rows.get(2).size());
        assertEquals("Too,many,fields,here", rows.get(2).content());
    }

    @Test
    void aMissingRequiredColumnFailsNamingTheFileAndColumn() throws IOException {
        TableFile file = write("tls209_appln_ipc.csv", "appln_id,ipc_class_level\r\n1,A\r\n");
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> CsvTable.check(file, List.of("appln_id", "ipc_class_symbol")));
        assertTrue(e.getMessage().startsWith("tls209_appln_ipc.csv: missing required column ipc_class_symbol"),
                e.getMessage());
    }

    @Test
    void anEmptyFileIsUnreadable() throws IOException {
        TableFile file = write("tls201_appln.csv", "");
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> CsvTable.check(file, List.of("appln_id")));
        assertTrue(e.getMessage().contains("tls201_appln.csv"), e.getMessage());
    }

    @Test
    void readsGzipAndZipTransparentlyAndCountsCompressedBytes() throws IOException {
        Path gz = dir.resolve("t.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(TITLES.getBytes(StandardCharsets.UTF_8));
        }
        Path zip = dir.resolve("t.csv.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("folder/"));
            out.putNextEntry(new ZipEntry("folder/t.csv"));
            out.write(TITLES.getBytes(StandardCharsets.UTF_8));
        }
        AtomicLong bytes = new AtomicLong();
        List<CsvRow> fromGzip = readAll(new TableFile("t", gz, TableFile.Compression.GZIP), List.of("appln_id"), bytes);
        assertEquals(Files.size(gz), bytes.get());
        List<CsvRow> fromZip = readAll(new TableFile("t", zip, TableFile.Compression.ZIP), List.of("appln_id"), new AtomicLong());
        assertEquals(4, fromGzip.size());
        assertEquals(fromGzip.stream().map(CsvRow::content).toList(), fromZip.stream().map(CsvRow::content).toList());
    }

    @Test
    void aBrokenGzipIsUnreadableNamingTheFile() throws IOException {
        Path gz = dir.resolve("tls206_person.csv.gz");
        Files.write(gz, new byte[] {1, 2, 3, 4, 5});
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> CsvTable.check(new TableFile("tls206_person", gz, TableFile.Compression.GZIP), List.of("person_id")));
        assertTrue(e.getMessage().startsWith("tls206_person.csv.gz: not a readable gzip file"), e.getMessage());
    }

    @Test
    void anUnterminatedQuoteMakesTheRestOfTheFileUnreadable() throws IOException {
        TableFile file = write("tls202_appln_title.csv", "appln_id,appln_title\r\n1,ok\r\n2,\"never closed\r\n3,x\r\n");
        try (CsvTable table = CsvTable.open(file, List.of("appln_id"), new AtomicLong())) {
            assertEquals("1", table.next().get("appln_id"));
            UnreadableInputException e = assertThrows(UnreadableInputException.class, table::next);
            assertTrue(e.getMessage().startsWith("tls202_appln_title.csv: unreadable from line 3"), e.getMessage());
        }
    }

    @Test
    void invalidUtf8IsUnreadable() throws IOException {
        Path file = dir.resolve("t.csv");
        byte[] header = "appln_id,appln_title\r\n1,".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, '\r', '\n'};
        byte[] all = new byte[header.length + bad.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(bad, 0, all, header.length, bad.length);
        Files.write(file, all);
        // The reader decodes ahead, so the error may surface with the header or with the row.
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> readAll(new TableFile("t", file, TableFile.Compression.NONE), List.of("appln_id")));
        assertTrue(e.getMessage().startsWith("t.csv: ") && e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    private TableFile write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return new TableFile(name.replace(".csv", ""), file, TableFile.Compression.NONE);
    }

    private static List<CsvRow> readAll(TableFile file, List<String> required) throws IOException {
        return readAll(file, required, new AtomicLong());
    }

    private static List<CsvRow> readAll(TableFile file, List<String> required, AtomicLong bytes) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvTable table = CsvTable.open(file, required, bytes)) {
            CsvRow row;
            while ((row = table.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
