package dev.gilsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path out;

    private List<String> names() throws IOException {
        try (Stream<Path> all = Files.list(out)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunThatFailsBeforeCommittingLeavesTheOldFolderAndNoHiddenSibling() throws IOException {
        Files.createDirectories(out.resolve("tiny"));
        Files.writeString(out.resolve("tiny/summary.json"), "old");
        try (RunFolder folder = RunFolder.claim(out, "tiny")) {
            Files.writeString(folder.staging().resolve("summary.json"), "new, but the charts failed");
        }
        assertEquals("old", Files.readString(out.resolve("tiny/summary.json")));
        assertEquals(List.of(".tiny.lock", "tiny"), names());
    }

    @Test
    void commitReplacesTheWholeFolder() throws IOException {
        Files.createDirectories(out.resolve("tiny/charts"));
        Files.writeString(out.resolve("tiny/charts/old.png"), "old");
        try (RunFolder folder = RunFolder.claim(out, "tiny")) {
            Files.writeString(folder.staging().resolve("summary.json"), "new");
            folder.commit();
        }
        try (Stream<Path> all = Files.list(out.resolve("tiny"))) {
            assertEquals(List.of(out.resolve("tiny/summary.json")), all.toList());
        }
        assertEquals(List.of(".tiny.lock", "tiny"), names());
    }

    @Test
    void aFolderClaimedInThisProcessCannotBeClaimedTwice() throws IOException {
        try (RunFolder first = RunFolder.claim(out, "tiny")) {
            assertThrows(RunFolder.HeldException.class, () -> RunFolder.claim(out, "tiny"));
        }
        RunFolder.claim(out, "tiny").close();
    }
}
