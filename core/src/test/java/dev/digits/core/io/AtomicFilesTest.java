package dev.digits.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteNamesTheFileAndLeavesNeitherHalfAFileNorItsTemporary() throws Exception {
        Path target = dir.resolve("results.json");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, tmp -> {
            Files.writeString(tmp, "half of the ne");
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + target + ": No space left on device", e.getMessage());
        assertEquals("old", Files.readString(target), "the old content stays");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void leftoversOfKilledWritesAreRemovedOnceOldEnough() throws Exception {
        Path old = Files.writeString(dir.resolve(".results.json12345.part"), "killed mid-write");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path recent = Files.writeString(dir.resolve(".abc.f3267890.part"), "another process is writing this");
        Path kept = Files.writeString(dir.resolve("notes.part"), "not ours: no leading dot");
        Path result = Files.writeString(dir.resolve("results.json"), "{}");

        assertEquals(1, AtomicFiles.removeLeftovers(dir, Duration.ofMinutes(10)));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent), "a write that may be in progress is spared");
        assertEquals(1, AtomicFiles.removeLeftovers(dir, Duration.ZERO));
        assertFalse(Files.exists(recent));
        assertTrue(Files.exists(kept) && Files.exists(result));
        assertEquals(0, AtomicFiles.removeLeftovers(dir.resolve("missing"), Duration.ZERO));
    }
}
