package dev.digits.app.commands;

import dev.digits.app.cli.UsageException;
import dev.digits.experiment.console.Console;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@code serve --token-file} reads its token. */
class ServeTokenFileTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void aByteOrderMarkAndTheLineEndAreNotPartOfTheToken() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "\uFEFF0123456789abcdef0123\r\n", StandardCharsets.UTF_8);
        assertEquals("0123456789abcdef0123", ServeCommand.token(file, console));
    }

    @Test
    void aTokenThatCannotGoInAHeaderIsRefusedAtStart() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "pass word with spaces", StandardCharsets.UTF_8);
        UsageException e = assertThrows(UsageException.class, () -> ServeCommand.token(file, console));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("printable ASCII"), e.getMessage());
    }
}
