package eu.emistreams.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.sampledata.FileCompression;
import eu.emistreams.sampledata.GeneratedRelease;
import eu.emistreams.sampledata.PatstatGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two independent pieces of code agree: the generator counts what it writes, this reader counts what
 * it reads under §3. Every fact checked here is one the ingest service must also get right.
 */
class PatstatReleaseAgainstGeneratorTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(FileCompression.class)
    void readsTheRowsTheGeneratorWroteAndRejectsTheOnesItSpoiled(FileCompression compression) throws IOException {
        PatstatGenerator generator = new PatstatGenerator(compression);
        GeneratedRelease first = generator.generate(temp.resolve("r1"), 42, 2_000);
        GeneratedRelease second = generator.revise(temp.resolve("r1"), temp.resolve("r2"), 43, 0.15);
        PatstatRelease r1 = PatstatRelease.read(first.directory());
        PatstatRelease r2 = PatstatRelease.read(second.directory());
        for (GeneratedRelease generated : List.of(first, second)) {
            PatstatRelease read = generated == first ? r1 : r2;
            for (String table : PatstatRelease.TABLES) {
                String shortName = table.substring(0, 6);
                assertEquals(generated.fact(shortName + ".rows"), read.rowsPerTable().get(table), table);
            }
            Map<String, Long> rejectedPerTable = read.rejected().stream()
                    .collect(Collectors.groupingBy(r -> r.table().substring(0, 6), Collectors.counting()));
            for (String shortName : List.of("tls201", "tls206", "tls207", "tls209", "tls202", "tls203")) {
                long spoiled = generated.fact(shortName + ".missing_person")
                        + generated.fact(shortName + ".missing_application")
                        + generated.fact(shortName + ".unparsable") + generated.fact(shortName + ".malformed");
                assertEquals(spoiled, rejectedPerTable.getOrDefault(shortName, 0L), shortName);
            }
            assertTrue(read.rejected().stream().allMatch(r -> r.line() > 1));

            List<PatstatRelease.Application> counted = read.countedApplications();
            assertEquals(generated.fact("tls201.publishable"), counted.size());
            assertEquals(generated.fact("tls201.unknown_year"), read.applications().values().stream()
                    .filter(a -> a.transnational() && !a.counted()).count());
            assertEquals(generated.fact("tls201.euro_pct"), read.applications().values().stream()
                    .filter(a -> a.authority.equals("EP") && a.internatApplnId != 0).count());
            assertEquals(generated.fact("applications.publishable_without_applicant"),
                    counted.stream().filter(a -> a.applicantCountries.isEmpty()).count());
            assertEquals(generated.fact("tls207.applicant.publishable"),
                    counted.stream().mapToLong(a -> a.applicantCountries.size()).sum());
            assertEquals(generated.fact("applicants.publishable_to_zz"),
                    counted.stream().flatMap(a -> a.applicantCountries.stream()).filter("ZZ"::equals).count());
            assertEquals(generated.fact("tls202.multiline"), read.applications().values().stream()
                    .flatMap(a -> a.titles.stream()).filter(t -> t.indexOf('\n') >= 0).count());
        }
        assertTrue(second.fact("tls202.multiline") > 0 && second.fact("tls207.missing_person") > 0);

        ReleaseChanges changes = ReleaseChanges.between(r1, r2);
        assertEquals(second.fact("revision.publishable.new_or_changed"), changes.newOrChanged());
        assertEquals(second.fact("revision.publishable.unchanged"), changes.unchanged());
        assertEquals(second.fact("revision.publishable.retracted"), changes.retracted());
        assertEquals(new ReleaseChanges(0, r2.countedApplications().size(), 0), ReleaseChanges.between(r2, r2));
    }
}
