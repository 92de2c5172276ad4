package dev.digits.core.fetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StagingFolderTest {
    @TempDir
    Path dir;

    @Test
    void anInstalledFolderHasThePermissionsOfAnyNewFolderNotTheStagingOnes() throws Exception {
        Path staging = StagingFolder.create(dir, "fsdd");
        Files.writeString(staging.resolve("README.md"), "x");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(staging), "staging is owner-only");
        Path target = dir.resolve("fsdd");
        StagingFolder.moveIntoPlace(staging, target);
        Path plain = Files.createDirectory(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
        assertTrue(Files.isRegularFile(target.resolve("README.md")));
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count(), "nothing but the installed folder and the plain one");
        }
    }
}
