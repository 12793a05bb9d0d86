package eu.emistreams.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {

    @TempDir
    Path temp;

    @Test
    void aDirectoryGivesItsCsvFilesInNameOrderWhateverTheirStorage() throws IOException {
        for (String name : List.of("b-2021.csv.gz", "a-2020.csv", "c-2022.CSV.ZIP", "README.txt", "emi-generator.properties")) {
            Files.writeString(temp.resolve(name), "x");
        }
        Files.createDirectories(temp.resolve("nested.csv"));
        List<TableFile> files = SourceFiles.csvFiles(temp);
        assertEquals(List.of("a-2020", "b-2021", "c-2022"), files.stream().map(TableFile::table).toList());
        assertEquals(List.of(TableFile.Compression.NONE, TableFile.Compression.GZIP, TableFile.Compression.ZIP),
                files.stream().map(TableFile::compression).toList());
        assertTrue(SourceFiles.holdsCsv(temp));
    }

    @Test
    void aSingleFileIsTheRelease() throws IOException {
        Path file = Files.writeString(temp.resolve("comtrade-2022.csv.gz"), "x");
        assertEquals(List.of("comtrade-2022"), SourceFiles.csvFiles(file).stream().map(TableFile::table).toList());
        assertEquals("comtrade-2022", SourceFiles.baseName(file));
        assertEquals("comtrade-2022", ReleaseArchives.baseName(temp.resolve("comtrade-2022.csv.zip")));
    }

    @Test
    void nothingToReadIsNamed() throws IOException {
        Files.writeString(temp.resolve("notes.txt"), "x");
        assertFalse(SourceFiles.holdsCsv(temp));
        UnreadableInputException empty = assertThrows(UnreadableInputException.class, () -> SourceFiles.csvFiles(temp));
        assertEquals(temp + ": no .csv, .csv.gz or .csv.zip file in the directory", empty.getMessage());
        UnreadableInputException other = assertThrows(UnreadableInputException.class,
                () -> SourceFiles.csvFiles(temp.resolve("notes.txt")));
        assertEquals("notes.txt: not a CSV file (expected .csv, .csv.gz or .csv.zip)", other.getMessage());
        assertThrows(UnreadableInputException.class, () -> SourceFiles.csvFiles(temp.resolve("missing")));
    }
}
