package eu.emistreams.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpaceTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void belowTheFloorIsLowAndRoomOnlyReturnsWithTheMargin() {
        DiskSpace low = new DiskSpace(Path.of("/state"), 31 * MIB, 32 * MIB);
        assertTrue(low.low());
        assertFalse(low.roomy(1.25));
        DiskSpace justAbove = new DiskSpace(Path.of("/state"), 33 * MIB, 32 * MIB);
        assertFalse(justAbove.low());
        assertFalse(justAbove.roomy(1.25), "above the floor but within the margin: a pause stays");
        assertTrue(new DiskSpace(Path.of("/state"), 40 * MIB, 32 * MIB).roomy(1.25));
        assertEquals("/state has 31.0 MiB free, below the 32.0 MiB of emi.state.min-free-space", low.describe());
    }

    @Test
    void aDirectoryNotCreatedYetIsMeasuredOnItsNearestParent(@TempDir Path dir) throws Exception {
        Path later = dir.resolve("not/yet/there");
        DiskSpace space = DiskSpace.of(later, 0);
        assertEquals(later, space.path());
        assertEquals(Files.getFileStore(dir).getUsableSpace(), space.usableBytes(), (double) (64 * MIB));
        assertFalse(space.low());
        assertTrue(DiskSpace.of(dir, Long.MAX_VALUE).low());
    }
}
