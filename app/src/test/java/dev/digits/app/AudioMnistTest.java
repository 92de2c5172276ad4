package dev.digits.app;

import dev.digits.core.audio.WavWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notebook's own corpus: {@code data fetch audiomnist} installs an archive in AudioMNIST's layout (generated
 * here: 60 speakers x 500 tiny clips, nothing downloads), checks its structure, records the files' SHA-256 and
 * checks them on later use; {@code experiments/notebook.yaml} and {@code notebook-speakers.yaml} validate against
 * it and run, shortened, on a small corpus in the same layout.
 */
class AudioMnistTest {
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        System.clearProperty("digits.data");
    }

    @Test
    void fetchChecksTheStructureAndTheNotebookExperimentsValidateAgainstIt() throws IOException {
        Path archive = dir.resolve("AudioMNIST-master.zip");
        byte[] clip = wav(440, 0.002);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("AudioMNIST-master/README.md"));
            zip.write("AudioMNIST".getBytes());
            for (int speaker = 1; speaker <= 60; speaker++) {
                for (int digit = 0; digit < 10; digit++) {
                    for (int index = 0; index < 50; index++) {
                        zip.putNextEntry(new ZipEntry(String.format("AudioMNIST-master/data/%02d/%d_%02d_%d.wav", speaker,
                                digit, speaker, index)));
                        zip.write(clip);
                    }
                }
            }
        }
        Path data = dir.resolve("data");
        AppRunner.Result fetch = AppRunner.run("data", "fetch", "audiomnist", "--from", archive.toString(), "--dir", data.toString());
        assertEquals(0, fetch.exitCode(), fetch.err());
        assertTrue(fetch.err().contains("verified 30000 files: 60 speakers x 500 clips, every file a valid WAV"), fetch.err());
        assertEquals(30000, Files.readAllLines(data.resolve("audiomnist/SHA256SUMS")).size());

        System.setProperty("digits.data", data.toString());
        AppRunner.Result random = AppRunner.run("validate", "../experiments/notebook.yaml");
        assertEquals(0, random.exitCode(), random.err());
        assertTrue(random.out().contains("30000 files (audiomnist layout), protocol random: 1 fold"), random.out());
        AppRunner.Result speakers = AppRunner.run("validate", "../experiments/notebook-speakers.yaml");
        assertEquals(0, speakers.exitCode(), speakers.err());
        assertTrue(speakers.out().contains("protocol speaker-kfold: 5 folds"), speakers.out());

        Path changed = data.resolve("audiomnist/data/17/3_17_9.wav");
        Files.write(changed, wav(450, 0.002));
        AppRunner.Result later = AppRunner.run("validate", "../experiments/notebook.yaml");
        assertEquals(1, later.exitCode());
        assertTrue(later.err().contains("1 file(s) changed (first: data/17/3_17_9.wav)"), later.err());
    }

    @Test
    void theNotebookRunsOnBothSplits() throws IOException {
        Path corpus = dir.resolve("small-audiomnist");
        for (int speaker = 1; speaker <= 6; speaker++) {
            Path folder = Files.createDirectories(corpus.resolve(String.format("data/%02d", speaker)));
            for (int digit = 0; digit < 10; digit++) {
                for (int index = 0; index < 3; index++) {
                    Files.write(folder.resolve(String.format("%d_%02d_%d.wav", digit, speaker, index)),
                            wav(200 + 90 * digit + 7 * speaker + 3 * index, 0.3));
                }
            }
        }
        for (String name : new String[] {"notebook", "notebook-speakers"}) {
            String yaml = Files.readString(Path.of("../experiments/" + name + ".yaml"))
                    .replace("dataset: {name: audiomnist}", "dataset: {path: " + corpus + "}")
                    .replace("epochs: 100", "epochs: 30");
            Path file = Files.writeString(dir.resolve(name + ".yaml"), yaml);
            AppRunner.Result r = AppRunner.run("run", file.toString(), "--out", dir.resolve("out-" + name).toString());
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("180 files, 10 digits, 6 speakers (audiomnist layout)"), r.out());
            assertTrue(r.out().contains(name.equals("notebook") ? "protocol  random" : "protocol  speaker-kfold"), r.out());
            assertTrue(r.out().contains("0 failed"), r.out());
        }
    }

    /** A 48 kHz tone of {@code seconds}, 16-bit, as AudioMNIST stores its clips. */
    private byte[] wav(double hz, double seconds) throws IOException {
        float[] x = new float[(int) (48000 * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 48000) * Math.sin(Math.PI * i / x.length));
        }
        Path tmp = dir.resolve("tone.wav");
        WavWriter.write16(tmp, x, 48000);
        return Files.readAllBytes(tmp);
    }
}
