package eu.emistreams.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.reference.PatstatRelease.Rejected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatstatReleaseTest {

    @TempDir
    Path directory;

    private PatstatRelease release;

    @BeforeEach
    void readTinyRelease() throws IOException {
        release = PatstatRelease.read(TinyRelease.write(directory));
    }

    @Test
    void countsDataRowsOfEveryTableWithMultiLineRowsOnce() {
        assertEquals(Map.of(
                PatstatRelease.TLS201, 8L, PatstatRelease.TLS206, 6L, PatstatRelease.TLS207, 11L,
                PatstatRelease.TLS209, 6L, PatstatRelease.TLS202, 5L, PatstatRelease.TLS203, 3L),
                release.rowsPerTable());
        assertEquals(39, release.rowsRead());
    }

    @Test
    void rejectsOrphansUnparsableAndMalformedRowsWithTheLineTheyStartOn() {
        Set<Rejected> expected = Set.of(
                new Rejected(PatstatRelease.TLS201, 8, "unparsable"),
                new Rejected(PatstatRelease.TLS201, 9, "malformed"),
                new Rejected(PatstatRelease.TLS207, 6, "missing person"),
                new Rejected(PatstatRelease.TLS207, 11, "missing application"),
                new Rejected(PatstatRelease.TLS207, 12, "unparsable"),
                new Rejected(PatstatRelease.TLS209, 7, "missing application"),
                // Line 6: the title of appln 2 before it spans lines 3 and 4.
                new Rejected(PatstatRelease.TLS202, 6, "missing application"));
        assertEquals(expected, Set.copyOf(release.rejected()));
        assertEquals(7, release.rejected().size());
    }

    @Test
    void joinsApplicantsWithNormalisedCountriesLeavingOutInventorsAndMissingPersons() {
        Map<Long, PatstatRelease.Application> applications = release.applications();
        assertEquals(List.of("BE", "DE", "ZZ"), applications.get(1L).applicantCountries);
        assertEquals(List.of("BE", "US"), applications.get(2L).applicantCountries);
        assertEquals(List.of("ZZ"), applications.get(5L).applicantCountries, "UK is not an ISO code");
        assertTrue(applications.get(6L).applicantCountries.isEmpty());
        assertEquals(List.of("H01L31/042", "A61K9/00"), applications.get(1L).ipcSymbols);
        assertEquals(List.of("Machine\nlearning chip"), applications.get(2L).titles);
        assertEquals(List.of("Solar cell with \"robots\" and a machine"), applications.get(1L).titles);
    }

    @Test
    void countsWoAndDirectEpApplicationsWithAKnownYearOnly() {
        Set<Long> counted = release.countedApplications().stream().map(a -> a.applnId).collect(Collectors.toSet());
        assertEquals(Set.of(1L, 2L, 6L), counted);
        assertTrue(release.applications().get(5L).transnational());
        assertFalse(release.applications().get(3L).transnational(), "a Euro-PCT entry counts through its WO");
        assertFalse(release.applications().get(4L).transnational());
    }

    @Test
    void refusesADirectoryWithoutATableOrWithTwoFormsOfOne() throws IOException {
        Files.writeString(directory.resolve("tls203_appln_abstr.csv.gz"), "");
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> PatstatRelease.read(directory));
        assertTrue(twice.getMessage().contains("tls203_appln_abstr"), twice.getMessage());
        Files.delete(directory.resolve("tls203_appln_abstr.csv.gz"));
        Files.delete(directory.resolve("tls203_appln_abstr.csv"));
        assertThrows(IllegalStateException.class, () -> PatstatRelease.read(directory));
    }

    @Test
    void normalisesCountryCodesToIsoOrZz() {
        assertEquals("DE", EmiCodes.normaliseCountry(" de "));
        assertEquals("BE", EmiCodes.normaliseCountry("be"));
        assertEquals("GR", EmiCodes.normaliseCountry("GR"));
        for (String junk : List.of("", "  ", "--", "..", "75", "EL", "UK", "ZZZ")) {
            assertEquals("ZZ", EmiCodes.normaliseCountry(junk), junk);
        }
        assertEquals("ZZ", EmiCodes.normaliseCountry(null));
    }
}
