package dev.digits.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListCommandTest {
    @Test
    void listsEveryKindOfPlugin() {
        AppRunner.Result r = AppRunner.run("list");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Feature extractors:"), r.out());
        assertTrue(r.out().contains("Backends:"), r.out());
        assertTrue(r.out().contains("mfcc-librosa   available"), r.out());
        assertTrue(r.out().contains("logmel-librosa available"), r.out());
        assertTrue(r.out().contains("Augmentations"), r.out());
        for (String a : new String[] {"noise", "gain", "shift", "speed", "pitch", "spec-augment"}) {
            assertTrue(r.out().matches("(?s).*\\n  " + a + " +available.*"), a + ": " + r.out());
        }
        assertTrue(r.out().matches("(?s).*n_mfcc\\s+integer\\s+default 40.*"), "parameters with defaults: " + r.out());
    }
}
