package eu.emistreams.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.emistreams.bench.batch.ConcordanceRules;
import eu.emistreams.bench.load.QueryShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private static BenchCommand parse(String... args) {
        BenchCommand command = new BenchCommand();
        BenchCommand.commandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void defaultsAreTheIssuesBenchmark() {
        BenchCommand command = parse();
        assertEquals(1_000_000, command.applications);
        assertNull(command.series);
        assertEquals(0.01, command.releaseFraction);
        // A little above the 1,000 req/s of the target, so that answering all of it meets the target.
        assertEquals(1100, command.queryRate);
        assertEquals(QueryShape.FIGURE, command.queryShape);
    }

    @Test
    void seriesWithoutAValueIsTheScalingSeries() {
        assertEquals(List.of(100_000, 300_000, 1_000_000), parse("--series").series);
        assertEquals(List.of(10_000, 20_000), parse("--series", "10000,20000").series);
        assertEquals(List.of(10_000, 20_000), parse("--series=10000,20000", "--skip-batch").series);
    }

    @Test
    void theProbeSymbolMatchesItsRule() {
        assertEquals("B64C1/00", BenchRun.probeSymbol(new ConcordanceRules.IpcRule("B64C", null, "", "AERO")));
        assertEquals("H04L9/00", BenchRun.probeSymbol(new ConcordanceRules.IpcRule("H04L", "9", "", "D.SEC")));
        assertEquals("H01L31/04", BenchRun.probeSymbol(new ConcordanceRules.IpcRule("H01L", "31", "04", "G.REN.SOLAR")));
    }
}
