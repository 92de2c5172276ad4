package dev.digits.app;

import dev.digits.experiment.Plugins;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.recognition.bundle.BundleManifest;
import dev.digits.core.dataset.DatasetLocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code digits adapt}: a model trained without george, adapted with one clip per digit of his. */
class AdaptTest {
    @TempDir
    static Path dir;
    static Path base;
    static Path recordings;

    @BeforeAll
    static void trainWithoutGeorge() throws Exception {
        recordings = DatasetLocator.defaults().locate("fsdd").resolve("recordings");
        Path corpus = MiniCorpus.create(dir, 6);
        base = trainWithoutGeorge(corpus, "base", "");
    }

    /**
     * A bundle of MFCC means and stds with logistic regression, trained on the corpus's first leave-one-speaker-out
     * fold (120 clips, george left out); {@code augmentations} is the experiment's augmentations line, if any.
     */
    private static Path trainWithoutGeorge(Path corpus, String name, String augmentations) throws Exception {
        Path yaml = dir.resolve(name + ".yaml");
        Files.writeString(yaml, """
                name: %s
                dataset: {path: %s}
                protocol: {type: leave-one-speaker-out}
                cache: false
                extractors: [{id: mean, type: mfcc-librosa, params: {sr: native, pooling: mean-std}}]
                models: [{id: logistic, backend: tribuo, spec: {type: logistic}}]
                %s
                """.formatted(name, corpus, augmentations));
        Path bundle = dir.resolve(name + ".digits");
        AppRunner.Result r = AppRunner.run("train", "--config", yaml.toString(), "--split", "train", "--out", bundle.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("120 clips (first fold's training part)"), r.out());
        return bundle;
    }

    /** george's recording {@code index} of every digit, in the folders layout. */
    private static Path georgeClips(String name, int index) throws Exception {
        Path clips = dir.resolve(name);
        for (int d = 0; d < 10; d++) {
            Path folder = Files.createDirectories(clips.resolve(Integer.toString(d)));
            Files.copy(recordings.resolve(d + "_george_" + index + ".wav"), folder.resolve("g" + index + ".wav"));
        }
        return clips;
    }

    @Test
    void adaptsWithOneClipPerDigitAndSaysWhatItDid() throws Exception {
        Path clips = georgeClips("clips", 10);
        Files.writeString(clips.resolve("5/broken.wav"), "not a wav at all");
        Path out = dir.resolve("adapted.digits");
        AppRunner.Result r = AppRunner.run("adapt", "--model", base.toString(), "--clips", clips.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // 120 base examples; 10 clips at a 0.2 share: ceil(0.2 * 120 / (0.8 * 10)) = 3 copies each
        assertTrue(r.out().contains("with 10 clips of " + clips + ": each counted 3 times among 120 training examples"), r.out());
        assertTrue(r.out().contains("the voice's offset from the training voices, from clips of 10 digits, removed: a shift "
                + "of length "), r.out());
        assertTrue(r.out().matches("(?s).*leave-one-clip-out: before \\d+/10 \\(.*%\\), after \\d+/10 \\(.*%\\).*"), r.out());
        assertTrue(r.err().contains("skipped " + clips.resolve("5/broken.wav")), r.err());
        // 12 base examples a digit: one of each held back for the check
        assertTrue(r.out().matches("(?s).*held back from the base model's examples: 10; labelled right without your "
                + "clips \\d+, with them \\d+.*"), r.out());
        assertFalse(r.err().contains("adapting made the model worse on examples of the base model's own"), r.err());
        for (int k = 1; k <= 10; k++) {
            assertTrue(r.err().matches("(?s).*leave-one-clip-out " + k + "/10: \\d/g10\\.wav (right|wrong) when left out.*"),
                    "each check reported as it ends: " + r.err());
        }

        ModelBundle adapted = ModelBundle.read(out, Plugins.discover(getClass().getClassLoader()));
        BundleManifest.AdaptationRecord record = adapted.manifest().adaptation();
        assertNotNull(record);
        assertEquals("base.digits", record.base());
        assertEquals(10, record.clips().size());
        assertEquals(3, record.repeats());
        assertEquals(150, adapted.trainingExamples(out).size(), "base examples plus the clips, repeated");
        assertEquals(130, adapted.trainingData().clips());
        // every input of the adapted model is shifted as its clips were
        assertNotNull(record.featureShift());
        dev.digits.api.audio.AudioClip clip = dev.digits.core.audio.WavReader.readClip(clips.resolve("7/g10.wav"));
        float[] raw = adapted.extractorFeatures(clip).values();
        float[] input = adapted.features(clip).values();
        assertEquals(raw.length, record.featureShift().length);
        for (int i = 0; i < raw.length; i++) {
            assertEquals(raw[i] + record.featureShift()[i], input[i], 0.0f);
        }

        // the adapted model recognises george's clips it was given at least as well as the base did
        int baseRight = 0;
        int adaptedRight = 0;
        for (int d = 0; d < 10; d++) {
            String wav = clips.resolve(d + "/g10.wav").toString();
            baseRight += AppRunner.run("predict", "--model", base.toString(), wav).out().split("\t")[1].equals("" + d) ? 1 : 0;
            adaptedRight += AppRunner.run("predict", "--model", out.toString(), wav).out().split("\t")[1].equals("" + d) ? 1 : 0;
        }
        assertTrue(adaptedRight >= baseRight, "adapted " + adaptedRight + " vs base " + baseRight);
    }

    @Test
    void anAdaptationThatGetsTheClipsWorseIsNotWrittenUnlessAsked() throws Exception {
        // jackson's digits, one each, and his 1 to 5 again filed under 0: each real 1-5, left out, meets its own
        // words labelled 0
        Path clips = dir.resolve("misfiled-clips");
        for (int d = 0; d < 10; d++) {
            Path folder = Files.createDirectories(clips.resolve(Integer.toString(d)));
            Files.copy(recordings.resolve(d + "_jackson_40.wav"), folder.resolve("j40.wav"));
        }
        for (int d = 1; d <= 5; d++) {
            Files.copy(recordings.resolve(d + "_jackson_41.wav"), clips.resolve("0/j41-" + d + ".wav"));
        }
        Path out = dir.resolve("misfiled.digits");
        AppRunner.Result r = AppRunner.run("adapt", "--model", base.toString(), "--clips", clips.toString(), "--out",
                out.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("leave-one-clip-out: before (\\d+)/15 .*, after "
                + "(\\d+)/15").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Integer.parseInt(m.group(2)) < Integer.parseInt(m.group(1)), r.out());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(out + " not written: adapting made the leave-one-clip-out score of your clips "
                + "worse than the base model's (" + m.group(1) + "/15 before, " + m.group(2) + "/15 after)"), r.err());
        assertFalse(Files.exists(out));

        AppRunner.Result kept = AppRunner.run("adapt", "--model", base.toString(), "--clips", clips.toString(), "--out",
                out.toString(), "--keep-worse");
        assertEquals(0, kept.exitCode(), kept.err());
        assertTrue(kept.err().contains("written as --keep-worse asks"), kept.err());
        assertTrue(Files.exists(out));
    }

    @Test
    void noCheckSkipsTheLeaveOneClipOutChecksAndRecordsNoScoreAfter() throws Exception {
        Path clips = georgeClips("unchecked-clips", 10);
        Path out = dir.resolve("unchecked.digits");
        AppRunner.Result r = AppRunner.run("adapt", "--model", base.toString(), "--clips", clips.toString(), "--out",
                out.toString(), "--no-check");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*your clips: before \\d+/10 \\(.*%\\); leave-one-clip-out checks not run "
                + "\\(--no-check\\).*"), r.out());
        assertFalse(r.err().contains("leave-one-clip-out 1/10"), r.err());
        BundleManifest.AdaptationRecord record = ModelBundle.read(out, Plugins.discover(getClass().getClassLoader()))
                .manifest().adaptation();
        assertNull(record.correctAfter());
        assertEquals(10, record.clips().size());
        assertNotNull(record.featureShift());
    }

    @Test
    void clipsAtAnotherRateAreResampledAndTheAdaptedModelKeepsItsInputRate() throws Exception {
        Path clips = dir.resolve("clips16k");
        for (int d = 0; d < 10; d++) {
            Path folder = Files.createDirectories(clips.resolve(Integer.toString(d)));
            float[] at8k = dev.digits.core.audio.WavReader.readClip(recordings.resolve(d + "_george_12.wav")).samples();
            dev.digits.core.audio.WavWriter.write16(folder.resolve("g12.wav"),
                    dev.digits.core.audio.SincResampler.convert(at8k, 8000, 16000), 16000);
        }
        Path out = dir.resolve("adapted16k.digits");
        AppRunner.Result r = AppRunner.run("adapt", "--model", base.toString(), "--clips", clips.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        ModelBundle adapted = ModelBundle.read(out, Plugins.discover(getClass().getClassLoader()));
        assertEquals(java.util.List.of(8000, 16000), adapted.trainingData().sampleRates());
        assertEquals(java.util.Optional.of(8000), adapted.inputRate(),
                "trained on 8 kHz features (the 16 kHz clips were resampled): input is still resampled to 8 kHz");
        AppRunner.Result p = AppRunner.run("predict", "--model", out.toString(), clips.resolve("4/g12.wav").toString());
        assertTrue(p.err().contains("16000 Hz, resampled to the 8000 Hz the model was trained on"), p.err());
    }

    @Test
    void aModelTrainedWithCopiesGetsTheSameCopiesOfTheVoicesClips() throws Exception {
        Path noisyBase = trainWithoutGeorge(MiniCorpus.create(dir.resolve("noisy-corpus"), 6), "noisy-base",
                "augmentations: [{id: noisy, copies: 2, seed: 1, steps: [{type: shift, before: [0, 0.05], after: [0, 0.1]}, "
                        + "{type: noise, snr: [5, 10], probability: 0.8}, {type: gain, db: [-3, 3]}]}]");
        Path clips = georgeClips("noisy-clips", 13);
        Path out = dir.resolve("noisy-adapted.digits");
        AppRunner.Result r = AppRunner.run("adapt", "--model", noisyBase.toString(), "--clips", clips.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // 360 base examples (120 clips and 2 copies each); 30 rows at a 0.2 share: ceil(0.2 * 360 / (0.8 * 30)) = 3
        assertTrue(r.out().contains("with 10 clips of " + clips + " and 2 copies of each (noisy, as the model's training "
                + "clips had): each counted 3 times among 360 training examples"), r.out());
        ModelBundle adapted = ModelBundle.read(out, Plugins.discover(getClass().getClassLoader()));
        dev.digits.api.model.TrainingSet examples = adapted.trainingExamples(out);
        assertEquals(360 + 30 * 3, examples.size());
        // after the base examples: the first clip 3 times, then its first copy 3 times: noisier, so not the same numbers
        float[][] x = examples.features();
        assertTrue(java.util.Arrays.equals(x[360], x[362]), "a clip's repeats are the same row");
        assertFalse(java.util.Arrays.equals(x[360], x[363]), "its copy is another");
        assertEquals(examples.labels()[360], examples.labels()[363]);

        AppRunner.Result plain = AppRunner.run("adapt", "--model", noisyBase.toString(), "--clips", clips.toString(),
                "--out", dir.resolve("plain-adapted.digits").toString(), "--no-copies");
        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.out().contains("with 10 clips of " + clips + ": each counted 9 times among 360 training examples"),
                plain.out());
    }

    @Test
    void oneRecordingUnderSeveralDigitsIsRefusedAndSwappedFoldersAreWarnedAbout() throws Exception {
        Path same = dir.resolve("same-everywhere");
        for (int d = 0; d < 10; d++) {
            Path folder = Files.createDirectories(same.resolve(Integer.toString(d)));
            Files.copy(recordings.resolve("4_george_20.wav"), folder.resolve("g.wav"));
        }
        AppRunner.Result refused = AppRunner.run("adapt", "--model", base.toString(), "--clips", same.toString(), "--out",
                dir.resolve("same.digits").toString());
        assertEquals(1, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("the same recording is filed under digits [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]: "
                + same.resolve("0/g.wav")), refused.err());
        assertFalse(Files.exists(dir.resolve("same.digits")));

        // jackson's threes and eights swapped (the base model knows his voice: it hears them as what they are)
        Path swapped = dir.resolve("swapped");
        for (int d = 0; d < 10; d++) {
            Path folder = Files.createDirectories(swapped.resolve(Integer.toString(d)));
            int spoken = d == 3 ? 8 : d == 8 ? 3 : d;
            for (int i = 30; i < 33; i++) {
                Files.copy(recordings.resolve(spoken + "_jackson_" + i + ".wav"), folder.resolve("j" + i + ".wav"));
            }
        }
        AppRunner.Result r = AppRunner.run("adapt", "--model", base.toString(), "--clips", swapped.toString(), "--out",
                dir.resolve("swapped.digits").toString(), "--no-check");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: " + swapped.resolve("3") + ": the model hears "), r.err());
        assertTrue(r.err().contains("warning: " + swapped.resolve("8") + ": the model hears "), r.err());
        assertFalse(r.err().contains("warning: " + swapped.resolve("5") + ":"), r.err());
    }

    @Test
    void theBaseIsNeverOverwrittenAndAnUnwritableOutIsFoundBeforeTraining() throws Exception {
        Path clips = georgeClips("out-checks", 12);
        byte[] before = Files.readAllBytes(base);
        Path same = base.getParent().resolve(".").resolve(base.getFileName());
        AppRunner.Result overwrite = AppRunner.run("adapt", "--model", base.toString(), "--clips", clips.toString(),
                "--out", same.toString());
        assertEquals(2, overwrite.exitCode(), overwrite.err());
        assertTrue(overwrite.err().contains("is the base model itself; write the adapted bundle to another file"),
                overwrite.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(base)), "the base bundle is untouched");

        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
        Path unwritable = notAFolder.resolve("adapted.digits");
        AppRunner.Result r = AppRunner.run("adapt", "--model", base.toString(), "--clips", clips.toString(), "--out",
                unwritable.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write " + unwritable), r.err());
        assertFalse(r.out().contains("adapting"), "refused before anything was trained: " + r.out());
    }

    @Test
    void aMissingDigitIsNamedAndPartialAdaptsWithWhatThereIs() throws Exception {
        Path clips = georgeClips("partial", 11);
        Files.delete(clips.resolve("3/g11.wav"));
        Files.delete(clips.resolve("3"));
        Path out = dir.resolve("partial.digits");
        AppRunner.Result refused = AppRunner.run("adapt", "--model", base.toString(), "--clips", clips.toString(),
                "--out", out.toString());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("has no usable clips for digit 3 (expected WAV files in " + clips.resolve("3")
                + "/); add at least one for each, or pass --partial"), refused.err());
        assertFalse(Files.exists(out));

        AppRunner.Result partial = AppRunner.run("adapt", "--model", base.toString(), "--clips", clips.toString(),
                "--out", out.toString(), "--partial");
        assertEquals(0, partial.exitCode(), partial.err());
        assertTrue(partial.out().contains("with 9 clips of " + clips + " (no clips for digits [3])"), partial.out());
    }

    @Test
    void aBundleWithoutTrainingDataCannotBeAdaptedAndSaysWhy() throws Exception {
        Path old = dir.resolve("old.digits");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(base));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(old))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (!e.getName().equals("training.bin") && !e.getName().equals("SHA256SUMS")) { // as older bundles
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
        }
        Path clips = georgeClips("old-clips", 12);
        AppRunner.Result r = AppRunner.run("adapt", "--model", old.toString(), "--clips", clips.toString(), "--out",
                dir.resolve("x.digits").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(old + ": this bundle holds no training data (it was made before bundles kept it); "
                + "retrain it with this version's digits train"), r.err());
        AppRunner.Result usage = AppRunner.run("adapt", "--model", base.toString(), "--clips", clips.toString());
        assertEquals(2, usage.exitCode());
        assertTrue(usage.err().contains("--out is required"), usage.err());
    }
}
