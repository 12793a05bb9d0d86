package eu.emistreams.ingest.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.emistreams.ingest.store.OrderedKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseDiffTest {

    @TempDir
    Path dir;

    @Test
    void newChangedUnchangedAndRetractedAgainstTheCommittedRelease() throws IOException {
        commit("R1", Map.of(-5L, "a", 1L, "b", 2L, "c", 3L, "d", 10L, "e"));

        List<Long> retracted = new ArrayList<>();
        Map<Long, ReleaseDiff.Change> changes = new TreeMap<>();
        try (DigestState state = DigestState.open(dir, "R2")) {
            assertEquals("R1", state.previousRelease());
            try (ReleaseDiff diff = new ReleaseDiff(state, key -> retracted.add(OrderedKeys.get(key, 0)))) {
                for (Map.Entry<Long, String> entry : new TreeMap<>(Map.of(1L, "b", 3L, "D", 4L, "new", 11L, "x")).entrySet()) {
                    changes.put(entry.getKey(), diff.offer(OrderedKeys.of(entry.getKey()), digest(entry.getValue())));
                }
                diff.finish();
            }
            state.commit("R2");
        }
        assertEquals(Map.of(1L, ReleaseDiff.Change.UNCHANGED, 3L, ReleaseDiff.Change.CHANGED,
                4L, ReleaseDiff.Change.NEW, 11L, ReleaseDiff.Change.NEW), changes);
        assertEquals(List.of(-5L, 2L, 10L), retracted);

        // The committed R2 is what the next run compares with.
        List<Long> retractedNext = new ArrayList<>();
        try (DigestState state = DigestState.open(dir, "R3");
                ReleaseDiff diff = new ReleaseDiff(state, key -> retractedNext.add(OrderedKeys.get(key, 0)))) {
            assertEquals("R2", state.previousRelease());
            assertEquals(ReleaseDiff.Change.UNCHANGED, diff.offer(OrderedKeys.of(11L), digest("x")));
            diff.finish();
        }
        assertEquals(List.of(1L, 3L, 4L), retractedNext);
    }

    @Test
    void aRunThatDoesNotCommitLeavesThePreviousState() throws IOException {
        commit("R1", Map.of(1L, "a"));
        try (DigestState state = DigestState.open(dir, "R2");
                ReleaseDiff diff = new ReleaseDiff(state, key -> { })) {
            diff.offer(OrderedKeys.of(1L), digest("changed"));
            diff.finish();
            // no commit: the run failed
        }
        try (DigestState state = DigestState.open(dir, "R2");
                ReleaseDiff diff = new ReleaseDiff(state, key -> { })) {
            assertEquals("R1", state.previousRelease());
            assertEquals(ReleaseDiff.Change.UNCHANGED, diff.offer(OrderedKeys.of(1L), digest("a")));
        }
    }

    @Test
    void afterARunStoppedWhilePublishingOnlyItsReleaseMayRunUntilItCommits() throws IOException {
        commit("R1", Map.of(1L, "a", 2L, "b"));
        try (DigestState state = DigestState.open(dir, "R2");
                ReleaseDiff diff = new ReleaseDiff(state, key -> { })) {
            diff.offer(OrderedKeys.of(1L), digest("changed"));
            // stopped here: some of R2's events are out, the digests still say R1
        }
        UnfinishedReleaseException refused = assertThrows(UnfinishedReleaseException.class,
                () -> DigestState.open(dir, "R3"));
        assertEquals("R2", refused.unfinishedRelease());
        assertEquals("release R2 of this source stopped while publishing, so part of its events are out; ingest R2 "
                + "again (its files unchanged) before release R3", refused.getMessage());
        commit("R2", Map.of(1L, "changed", 2L, "b"));
        try (DigestState state = DigestState.open(dir, "R3")) {
            assertEquals("R2", state.previousRelease());
        }
    }

    @Test
    void theFirstRunFindsNothingBefore() throws IOException {
        try (DigestState state = DigestState.open(dir, "R1");
                ReleaseDiff diff = new ReleaseDiff(state, key -> { throw new AssertionError("nothing to retract"); })) {
            assertNull(state.previousRelease());
            assertEquals(ReleaseDiff.Change.NEW, diff.offer(OrderedKeys.of(7L), digest("a")));
            diff.finish();
        }
    }

    @Test
    void keysMustComeInOrder() throws IOException {
        try (DigestState state = DigestState.open(dir, "R1"); ReleaseDiff diff = new ReleaseDiff(state, key -> { })) {
            diff.offer(OrderedKeys.of(5L), digest("a"));
            assertThrows(IllegalArgumentException.class, () -> diff.offer(OrderedKeys.of(4L), digest("b")));
        }
    }

    private void commit(String release, Map<Long, String> contents) throws IOException {
        try (DigestState state = DigestState.open(dir, release);
                ReleaseDiff diff = new ReleaseDiff(state, key -> { })) {
            for (Map.Entry<Long, String> entry : new TreeMap<>(contents).entrySet()) {
                diff.offer(OrderedKeys.of(entry.getKey()), digest(entry.getValue()));
            }
            diff.finish();
            state.commit(release);
        }
    }

    private static byte[] digest(String content) {
        byte[] digest = new byte[ContentDigest.LENGTH];
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, digest, 0, Math.min(bytes.length, digest.length));
        return digest;
    }
}
