package dev.digits.core.dataset;

import dev.digits.core.audio.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusLayoutTest {
    @TempDir
    Path dir;

    private void wav(Path f) throws IOException {
        Files.createDirectories(f.getParent());
        WavWriter.write16(f, new float[] {0.1f, -0.1f, 0.2f, 0f}, 8000);
    }

    @Test
    void detectsAudioMnistAndReadsSpeakers() throws IOException {
        wav(dir.resolve("data/01/3_01_0.wav"));
        wav(dir.resolve("data/01/4_01_7.wav"));
        wav(dir.resolve("data/02/3_02_1.wav"));
        wav(dir.resolve("data/02/oops.wav"));
        Corpus c = Corpus.open(dir);
        assertEquals(CorpusLayout.AUDIOMNIST, c.layout());
        assertEquals(3, c.size());
        assertEquals(2, c.countBySpeaker().size());
        assertEquals(1, c.badFiles().size());
        assertTrue(c.badFiles().get(0).path().endsWith("oops.wav"));
        CorpusEntry e = c.entries().get(1);
        assertEquals(4, e.digit());
        assertEquals("01", e.speaker());
        assertEquals(7, e.index());
    }

    @Test
    void detectsDigitFolders() throws IOException {
        wav(dir.resolve("0/a.wav"));
        wav(dir.resolve("7/b.wav"));
        wav(dir.resolve("misc/c.wav"));
        Corpus c = Corpus.open(dir);
        assertEquals(CorpusLayout.FOLDERS, c.layout());
        assertEquals(2, c.size());
        assertEquals(7, c.entries().get(1).digit());
        assertEquals(1, c.badFiles().size(), "a WAV outside the digit folders is reported");
    }

    @Test
    void detectsFsddAndReportsCorruptFilesOnLoad() throws IOException {
        wav(dir.resolve("recordings/1_ann_0.wav"));
        wav(dir.resolve("recordings/2_ann_1.wav"));
        Files.writeString(dir.resolve("recordings/3_ann_2.wav"), "not audio");
        Corpus c = Corpus.open(dir);
        assertEquals(CorpusLayout.FSDD, c.layout());
        LoadedCorpus loaded = LoadedCorpus.load(c);
        assertEquals(2, loaded.size());
        assertEquals(1, loaded.badFiles().size());
        BadFile bad = loaded.badFiles().get(0);
        assertTrue(bad.path().endsWith("3_ann_2.wav"));
        assertTrue(bad.problem().contains("not a WAV file"), bad.problem());
        assertEquals(1, loaded.clips().get(0).label().orElseThrow());
        assertEquals("ann", loaded.clips().get(0).speaker().orElseThrow());
    }

    @Test
    void unknownLayoutNamesWhatItLookedFor() throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "x");
        IOException e = assertThrows(IOException.class, () -> Corpus.open(dir));
        assertTrue(e.getMessage().contains("recordings/{digit}_{speaker}_{index}.wav"), e.getMessage());
    }
}
