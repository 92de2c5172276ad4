package dev.digits.app;

import dev.digits.experiment.Plugins;

import dev.digits.core.audio.WavFile;

import dev.digits.core.audio.WavFormat;

import java.nio.ByteOrder;

import java.nio.ByteBuffer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.recognition.StreamingSession;
import dev.digits.recognition.stream.VoiceActivityDetector;
import dev.digits.core.audio.WavReader;
import dev.digits.core.audio.WavWriter;
import dev.digits.core.dataset.DatasetLocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model bundles, predict and stream, with a Tribuo SVM trained on FSDD's training part. */
class ModelUseTest {
    @TempDir
    static Path dir;
    static Path bundle;
    static Path recordings;

    @BeforeAll
    static void train() throws Exception {
        recordings = DatasetLocator.defaults().locate("fsdd").resolve("recordings");
        bundle = TestBundles.officialSvm(dir);
    }

    @Test
    void bundleHoldsEverythingToPredictAndRejectsBadFiles() throws Exception {
        ModelBundle b = ModelBundle.read(bundle, dev.digits.experiment.Plugins.discover(getClass().getClassLoader()));
        assertEquals("mfcc-librosa", b.extractor().name());
        assertEquals("tribuo", b.model().backend());
        assertEquals(List.of(8000), b.trainingData().sampleRates());
        assertEquals(10, b.labels().size());
        dev.digits.recognition.provenance.RunProvenance provenance = b.manifest().provenance();
        // the same typed record a run's cell has: dataset hash, split, seed, resolved config, versions
        assertEquals(64, provenance.dataset().sha256().length());
        assertEquals(provenance.split().trainSize(), provenance.dataset().files());
        assertEquals("tribuo", provenance.model().backend());
        assertEquals("mfcc-librosa", provenance.extractor().type());
        assertTrue(provenance.software().plugins().containsKey("tribuo"), provenance.software().toString());
        assertEquals(dev.digits.recognition.provenance.BuildInfo.current().version(), provenance.software().digits());

        Path truncated = dir.resolve("truncated.digits");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(bundle), 200));
        AppRunner.Result r1 = AppRunner.run("predict", "--model", truncated.toString(), recordings.resolve("0_george_0.wav").toString());
        assertEquals(1, r1.exitCode());
        assertTrue(r1.err().contains("truncated.digits: ") && (r1.err().contains("corrupt") || r1.err().contains("not a digits model bundle")), r1.err());

        Path future = rewrite("future.digits", "\"formatVersion\" : 1", "\"formatVersion\" : 99");
        AppRunner.Result r2 = AppRunner.run("predict", "--model", future.toString(), recordings.resolve("0_george_0.wav").toString());
        assertTrue(r2.err().contains("model bundle format version 99") && r2.err().contains("reads version 1"), r2.err());

        Path missing = rewrite("missing.digits", "\"backend\" : \"tribuo\"", "\"backend\" : \"caffe\"");
        AppRunner.Result r3 = AppRunner.run("predict", "--model", missing.toString(), recordings.resolve("0_george_0.wav").toString());
        assertTrue(r3.err().contains("needs the backend plugin 'caffe'") && r3.err().contains("unknown backend 'caffe'"), r3.err());
    }

    private static Path rewrite(String name, String from, String to) throws Exception {
        return rewrite(name, json -> {
            assertTrue(json.contains(from), json);
            return json.replace(from, to);
        });
    }

    /**
     * A copy of the bundle with its bundle.json changed by {@code edit}, without the checksums (as bundles written
     * before them: what the older-bundle tests stand for).
     */
    private static Path rewrite(String name, java.util.function.UnaryOperator<String> edit) throws Exception {
        return rewrite(name, edit, false);
    }

    private static Path rewrite(String name, java.util.function.UnaryOperator<String> edit, boolean keepChecksums)
            throws Exception {
        Path out = dir.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundle));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("SHA256SUMS") && !keepChecksums) {
                    continue;
                }
                if (e.getName().equals("bundle.json")) {
                    bytes = edit.apply(new String(bytes)).getBytes();
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out;
    }

    @Test
    void aHandEditedBundleIsRefusedByItsChecksums() throws Exception {
        String wav = recordings.resolve("0_george_0.wav").toString();
        // labels reversed: without the checksums this bundle would call every 0 a 9
        java.util.function.UnaryOperator<String> reverse = json -> {
            String labels = json.substring(json.indexOf("\"labels\""), json.indexOf("]", json.indexOf("\"labels\"")) + 1);
            List<String> reversed = new ArrayList<>(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
            java.util.Collections.reverse(reversed);
            return json.replace(labels, "\"labels\" : [ \"" + String.join("\", \"", reversed) + "\" ]");
        };
        Path edited = rewrite("reversed.digits", reverse, true);
        AppRunner.Result r = AppRunner.run("predict", "--model", edited.toString(), wav);
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.err().contains("reversed.digits: bundle.json differs from what the bundle was written with (edited "
                + "by hand or damaged)"), r.err());
        assertEquals("", r.out());

        // without SHA256SUMS nothing verifies the contents: labels out of order are refused all the same
        Path unchecked = rewrite("reversed-old.digits", reverse, false);
        AppRunner.Result old = AppRunner.run("predict", "--model", unchecked.toString(), wav);
        assertEquals(1, old.exitCode(), old.out());
        assertTrue(old.err().contains("reversed-old.digits: corrupt model bundle (bundle.json: labels must be the digits "
                + "in order"), old.err());
        // and an unedited bundle without SHA256SUMS (as before checksums) predicts, saying it cannot be verified
        Path unsummed = rewrite("unsummed.digits", json -> json, false);
        AppRunner.Result plain = AppRunner.run("predict", "--model", unsummed.toString(), wav);
        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals(AppRunner.run("predict", "--model", bundle.toString(), wav).out(), plain.out());
        assertTrue(plain.err().contains("warning: " + unsummed + ": it has no SHA256SUMS"), plain.err());
    }

    @Test
    void aModelTrainedOnAnOlderFeatureRevisionStillPredictsWithAWarning() throws Exception {
        String wav = recordings.resolve("0_george_0.wav").toString();
        AppRunner.Result current = AppRunner.run("predict", "--model", bundle.toString(), wav);
        assertEquals(0, current.exitCode(), current.err());
        assertTrue(!current.err().contains("revision"), current.err());

        Path older = rewrite("older.digits", "\"revision\" : 2", "\"revision\" : 1");
        AppRunner.Result r = AppRunner.run("predict", "--model", older.toString(), wav);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(current.out(), r.out(), "same model, same prediction");
        assertTrue(r.err().contains("older.digits: trained on mfcc-librosa revision 1 features, but this installation "
                + "computes revision 2"), r.err());
    }

    @Test
    void nanSamplesAreABadFileForPredictAndEndAStreamWithAMessage() throws Exception {
        float[] clip = WavReader.readClip(recordings.resolve("5_george_0.wav")).samples();
        float[] poisoned = clip.clone();
        poisoned[poisoned.length / 2] = Float.NaN;
        Path nan = dir.resolve("nan-float.wav");
        WavWriter.write(nan, poisoned, 8000, 1, dev.digits.core.audio.WavFormat.Encoding.IEEE_FLOAT, 32);
        AppRunner.Result p = AppRunner.run("predict", "--model", bundle.toString(), nan.toString(),
                recordings.resolve("7_theo_1.wav").toString());
        assertEquals(1, p.exitCode(), "the NaN file is bad: " + p.out());
        assertTrue(p.err().contains("nan-float.wav: non-finite samples"), p.err());
        assertTrue(!p.out().contains("NaN"), "no NaN confidence printed: " + p.out());
        assertTrue(p.out().contains("7_theo_1.wav\t7\t"), "the good file is still predicted: " + p.out());

        float[] joined = new float[clip.length * 2 + 8000];
        System.arraycopy(clip, 0, joined, 4000, clip.length);
        joined[4000 + clip.length + 4000] = Float.NaN;
        Path stream = dir.resolve("nan-stream.wav");
        WavWriter.write(stream, joined, 8000, 1, dev.digits.core.audio.WavFormat.Encoding.IEEE_FLOAT, 32);
        AppRunner.Result s = AppRunner.runWithInput(Files.readAllBytes(stream), "stream", "--model", bundle.toString(), "-");
        assertEquals(1, s.exitCode(), s.err());
        assertTrue(s.err().contains("non-finite sample (NaN or infinity) at"), s.err());
        assertEquals("5", digitsOf(s.out()), "the digit before the NaN is kept: " + s.out());
    }

    @Test
    void predictPrintsOneLinePerFileWalksFoldersAndSkipsBadFiles() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in/sub"));
        Files.copy(recordings.resolve("7_theo_1.wav"), folder.resolve("b.wav"));
        Files.copy(recordings.resolve("2_lucas_0.wav"), dir.resolve("in/a.wav"));
        Files.writeString(folder.resolve("c.wav"), "not audio");
        float[] stereo = new float[8000];
        float[] mono = WavReader.readClip(recordings.resolve("4_jackson_3.wav")).samples();
        stereo = new float[mono.length * 2];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = mono[i];
        }
        WavWriter.write(dir.resolve("stereo.wav"), stereo, 8000, 2, dev.digits.core.audio.WavFormat.Encoding.PCM_INT, 16);
        AppRunner.Result r = AppRunner.run("predict", "--model", bundle.toString(), "--top", "2",
                dir.resolve("in").toString(), dir.resolve("stereo.wav").toString());
        assertEquals(1, r.exitCode(), "one bad file");
        String[] lines = r.out().trim().split("\n");
        assertEquals(3, lines.length, r.out());
        assertTrue(lines[0].startsWith(dir.resolve("in/a.wav") + "\t2\t"), lines[0]);
        assertTrue(lines[1].startsWith(dir.resolve("in/sub/b.wav") + "\t7\t"), lines[1]);
        assertTrue(lines[2].startsWith(dir.resolve("stereo.wav") + "\t4\t"), lines[2]);
        assertEquals(4, lines[0].split("\t").length, "--top 2 adds the runner-up");
        assertTrue(r.err().contains("c.wav: not a WAV file"), r.err());
        assertTrue(r.err().contains("stereo.wav: 2 channels, downmixed"), r.err());

        // a 16 kHz file for a model trained at 8 kHz with sr: native is resampled to 8 kHz, with a warning
        float[] at8k = WavReader.readClip(recordings.resolve("9_george_2.wav")).samples();
        float[] at16k = new float[at8k.length * 2];
        for (int i = 0; i < at16k.length; i++) {
            int j = i / 2;
            at16k[i] = i % 2 == 0 ? at8k[j] : (at8k[j] + at8k[Math.min(j + 1, at8k.length - 1)]) / 2;
        }
        WavWriter.write16(dir.resolve("nine-16k.wav"), at16k, 16000);
        AppRunner.Result rate = AppRunner.run("predict", "--model", bundle.toString(), dir.resolve("nine-16k.wav").toString());
        assertEquals(0, rate.exitCode(), rate.err());
        assertTrue(rate.out().contains("\t9\t"), rate.out());
        assertTrue(rate.err().contains("16000 Hz, resampled to the 8000 Hz the model was trained on"), rate.err());

        AppRunner.Result json = AppRunner.run("predict", "--model", bundle.toString(), "--format", "json",
                dir.resolve("in/a.wav").toString());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals("2", j.get(0).get("digit").asText());
        assertTrue(j.get(0).get("confidence").asDouble() > 0.3);
    }

    /** Test clips joined by 0.3-0.8 s of low noise: the digit string, and its time spans. */
    static float[] digitString(String digits, String[] speakers, Random random, List<double[]> spans) throws Exception {
        Path recordings = DatasetLocator.defaults().locate("fsdd").resolve("recordings");
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < digits.length(); i++) {
            float[] gap = noise((int) ((0.3 + 0.5 * random.nextDouble()) * 8000), 1e-3, random);
            float[] clip = WavReader.readClip(recordings.resolve(digits.charAt(i) + "_" + speakers[i % speakers.length]
                    + "_" + (i % 5) + ".wav")).samples();
            parts.add(gap);
            total += gap.length;
            spans.add(new double[] {total / 8000.0, (total + clip.length) / 8000.0});
            parts.add(clip);
            total += clip.length;
        }
        parts.add(noise(4000, 1e-3, random));
        float[] out = new float[total + 4000];
        int p = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, p, part.length);
            p += part.length;
        }
        return out;
    }

    private static float[] noise(int n, double sigma, Random random) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextGaussian() * sigma);
        }
        return x;
    }

    private static String digitsOf(String streamOutput) {
        StringBuilder sb = new StringBuilder();
        for (String line : streamOutput.trim().split("\n")) {
            if (!line.isBlank()) {
                sb.append(line.split(" ")[2]);
            }
        }
        return sb.toString();
    }

    static int editDistance(String a, String b) {
        return dev.digits.api.params.NameSuggestions.editDistance(a, b);
    }

    @Test
    void telephoneAudioAndUnfilledDataSizesWorkInPredictAndStream() throws Exception {
        Path original = recordings.resolve("4_jackson_2.wav");
        WavFile wav = WavReader.read(original);
        Path muLaw = dir.resolve("phone-mulaw.wav");
        WavWriter.write(muLaw, wav.mono(), 8000, 1, WavFormat.Encoding.MU_LAW, 8);
        Path aLaw = dir.resolve("phone-alaw.wav");
        WavWriter.write(aLaw, wav.mono(), 8000, 1, WavFormat.Encoding.A_LAW, 8);
        byte[] streamed = Files.readAllBytes(original);
        int data = dataChunkSizeOffset(streamed);
        ByteBuffer.wrap(streamed).order(ByteOrder.LITTLE_ENDIAN).putInt(data, 0);
        Path unfilled = dir.resolve("recorder.wav");
        Files.write(unfilled, streamed);

        AppRunner.Result r = AppRunner.run("predict", "--model", bundle.toString(), original.toString(), muLaw.toString(),
                aLaw.toString(), unfilled.toString());
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().trim().split("\n");
        assertEquals(4, lines.length, r.out());
        String digit = lines[0].split("\t")[1];
        assertEquals("4", digit, "the clip itself is recognised: " + r.out());
        for (int i = 1; i < 4; i++) {
            assertEquals(digit, lines[i].split("\t")[1], "same digit through G.711 and an unfilled header: " + r.out());
        }
        assertTrue(r.err().contains("warning: " + unfilled + ": the data chunk declares 0 bytes"), r.err());

        String truth = "4071";
        float[] audio = digitString(truth, new String[] {"jackson"}, new Random(5), new ArrayList<>());
        byte[] live = WavWriter.encode(audio, 8000, 1, WavFormat.Encoding.PCM_INT, 16);
        AppRunner.Result known = AppRunner.runWithInput(live, "stream", "--model", bundle.toString(), "-");
        ByteBuffer.wrap(live).order(ByteOrder.LITTLE_ENDIAN).putInt(dataChunkSizeOffset(live), 0xFFFFFFFF);
        AppRunner.Result recorder = AppRunner.runWithInput(live, "stream", "--model", bundle.toString(), "-");
        assertEquals(0, recorder.exitCode(), recorder.err());
        assertEquals(known.out(), recorder.out());
        assertTrue(recorder.err().contains("data chunk declares 0xFFFFFFFF bytes"), recorder.err());
        byte[] phone = WavWriter.encode(audio, 8000, 1, WavFormat.Encoding.MU_LAW, 8);
        AppRunner.Result mu = AppRunner.runWithInput(phone, "stream", "--model", bundle.toString(), "-");
        assertEquals(0, mu.exitCode(), mu.err());
        assertEquals(digitsOf(known.out()), digitsOf(mu.out()), "mu-law stream");
    }

    /** Where the data chunk's size field is in a WAV file's bytes. */
    private static int dataChunkSizeOffset(byte[] wav) {
        for (int p = 12; p + 8 <= wav.length; ) {
            String id = new String(wav, p, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (id.equals("data")) {
                return p + 4;
            }
            p += 8 + ByteBuffer.wrap(wav, p + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
        throw new IllegalArgumentException("no data chunk");
    }

    @Test
    void streamRecoversADigitStringFromAFileAndFromStandardInput() throws Exception {
        String truth = "3141592653";
        List<double[]> spans = new ArrayList<>();
        float[] audio = digitString(truth, new String[] {"theo", "george", "jackson", "lucas", "nicolas", "yweweler"},
                new Random(3), spans);
        Path wav = dir.resolve("pin.wav");
        WavWriter.write16(wav, audio, 8000);
        AppRunner.Result r = AppRunner.run("stream", "--model", bundle.toString(), wav.toString());
        assertEquals(0, r.exitCode(), r.err());
        String got = digitsOf(r.out());
        assertTrue(editDistance(truth, got) <= 2, "recognised " + got + " for " + truth);
        String[] first = r.out().trim().split("\n")[0].split(" ");
        assertEquals(4, first.length, "START END DIGIT CONFIDENCE");
        assertEquals(spans.get(0)[0], Double.parseDouble(first[0]), 0.15, "start of the first digit");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(Files.readAllBytes(wav));
        AppRunner.Result stdin = AppRunner.runWithInput(bytes.toByteArray(), "stream", "--model", bundle.toString(), "-");
        assertEquals(r.out(), stdin.out(), "the same from standard input");
    }

    /**
     * Noise at 20 dB SNR: the digits of one speaker's string at one level, white noise 20 dB below. A model
     * trained on clean FSDD alone fails here; this one is trained on each training clip plus a copy with noise
     * at a random 10-30 dB SNR (augmentation done by this test: the product's own is a later issue).
     */
    @Test
    void streamRecoversADigitStringInNoiseAt20DbSnr() throws Exception {
        Random random = new Random(17);
        Path corpus = Files.createDirectories(dir.resolve("augmented/recordings"));
        try (var files = Files.list(recordings)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().matches(".*_[0-4]\\.wav")).toList()) {
                String[] parts = f.getFileName().toString().replace(".wav", "").split("_");
                float[] x = WavReader.readClip(f).samples();
                Files.copy(f, corpus.resolve(f.getFileName()));
                double power = 0;
                for (float v : x) {
                    power += v * v;
                }
                double sigma = Math.sqrt(power / x.length / Math.pow(10, (10 + 20 * random.nextDouble()) / 10));
                int pad = (int) ((0.05 + 0.15 * random.nextDouble()) * 8000);
                float[] y = noise(x.length + 2 * pad, sigma, random);
                for (int i = 0; i < x.length; i++) {
                    y[pad + i] += x[i];
                }
                WavWriter.write16(corpus.resolve(parts[0] + "_" + parts[1] + "noisy_" + parts[2] + ".wav"), y, 8000);
            }
        }
        Path yaml = dir.resolve("noisy.yaml");
        Files.writeString(yaml, """
                name: noisy
                dataset: {path: %s, layout: fsdd}
                protocol: {type: random, testFraction: 0.1}
                cache: false
                extractors: [{id: native-mean, type: mfcc-librosa, params: {sr: native, pooling: mean}}]
                models: [{id: svm, backend: tribuo, spec: {type: svm}}]
                """.formatted(corpus.getParent()));
        Path noisyBundle = dir.resolve("noisy.digits");
        AppRunner.Result t = AppRunner.run("train", "--config", yaml.toString(), "--out", noisyBundle.toString());
        assertEquals(0, t.exitCode(), t.err());

        String truth = "3141592653";
        String[] speakers = {"theo", "george", "jackson", "lucas", "nicolas", "yweweler"};
        List<float[]> clips = new ArrayList<>();
        double power = 0;
        int speechSamples = 0;
        for (int i = 0; i < truth.length(); i++) {
            float[] x = WavReader.readClip(recordings.resolve(truth.charAt(i) + "_" + speakers[i % 6] + "_" + (i % 5) + ".wav"))
                    .samples().clone();
            double rms = 0;
            for (float v : x) {
                rms += v * v;
            }
            float gain = (float) (0.1 / Math.sqrt(rms / x.length)); // one speaker, one level
            for (int k = 0; k < x.length; k++) {
                x[k] *= gain;
                power += x[k] * x[k];
            }
            speechSamples += x.length;
            clips.add(x);
        }
        double sigma = Math.sqrt(power / speechSamples / 100); // 20 dB below the speech
        List<float[]> parts = new ArrayList<>();
        for (float[] c : clips) {
            parts.add(noise((int) ((0.3 + 0.5 * random.nextDouble()) * 8000), sigma, random));
            float[] noisy = c.clone();
            float[] n = noise(c.length, sigma, random);
            for (int k = 0; k < c.length; k++) {
                noisy[k] += n[k];
            }
            parts.add(noisy);
        }
        parts.add(noise(4000, sigma, random));
        int total = parts.stream().mapToInt(a -> a.length).sum();
        float[] audio = new float[total];
        int p = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, audio, p, part.length);
            p += part.length;
        }
        Path wav = dir.resolve("pin-20db.wav");
        WavWriter.write16(wav, audio, 8000);
        AppRunner.Result r = AppRunner.run("stream", "--model", noisyBundle.toString(), wav.toString());
        assertEquals(0, r.exitCode(), r.err());
        String got = digitsOf(r.out());
        assertTrue(editDistance(truth, got) <= 2, "recognised " + got + " for " + truth + " at 20 dB SNR");
    }

    /** Twice the rate by linear interpolation (not the resampler the bundle uses to go back). */
    private static float[] upsampledTwice(float[] at8k) {
        float[] at16k = new float[at8k.length * 2];
        for (int i = 0; i < at16k.length; i++) {
            int j = i / 2;
            at16k[i] = i % 2 == 0 ? at8k[j] : (at8k[j] + at8k[Math.min(j + 1, at8k.length - 1)]) / 2;
        }
        return at16k;
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return best;
    }

    @Test
    void inputAtAnotherRateIsResampledToTheRateTheModelWasTrainedAt() throws Exception {
        ModelBundle b = ModelBundle.read(bundle, dev.digits.experiment.Plugins.discover(getClass().getClassLoader()));
        assertEquals(java.util.Optional.of(8000), b.inputRate());
        assertEquals(Integer.valueOf(8000), b.trainingData().inputRate(), "recorded in bundle.json");
        dev.digits.recognition.ClipRecognizer recognizer = new dev.digits.recognition.ClipRecognizer(b);
        int agree = 0;
        int agreeUnconverted = 0;
        int n = 0;
        for (String speaker : new String[] {"george", "jackson", "nicolas"}) {
            for (int d = 0; d < 10; d++) {
                dev.digits.api.audio.AudioClip at8k = WavReader.readClip(recordings.resolve(d + "_" + speaker + "_1.wav"));
                dev.digits.api.audio.AudioClip at16k = at8k.withSamples(upsampledTwice(at8k.samples()), 16000);
                int expected = argmax(recognizer.probabilities(at8k));
                agree += argmax(recognizer.probabilities(at16k)) == expected ? 1 : 0;
                float[] unconverted = b.model().predictProbabilities(new float[][] {b.extractor().extract(at16k).values()})[0];
                agreeUnconverted += argmax(unconverted) == expected ? 1 : 0;
                n++;
            }
        }
        assertTrue(agree >= n - 2, "16 kHz copies predicted as the 8 kHz originals: " + agree + "/" + n);
        assertTrue(agreeUnconverted < agree - 5, "without resampling the features are another model's input: "
                + agreeUnconverted + "/" + n + " vs " + agree + "/" + n);

        // a bundle from before the input rate was recorded: its training data's one rate is used
        Path older = rewrite("no-input-rate.digits", json -> {
            assertTrue(json.contains("\"inputRate\" : 8000"), json);
            return json.replaceAll(",\\s*\"inputRate\" : 8000", "");
        });
        ModelBundle o = ModelBundle.read(older, dev.digits.experiment.Plugins.discover(getClass().getClassLoader()));
        assertEquals(null, o.trainingData().inputRate());
        assertEquals(java.util.Optional.of(8000), o.inputRate());

        // stream: a 16 kHz digit string gives the digits the 8 kHz one gives, and says it resamples
        float[] audio = digitString("4096", new String[] {"jackson", "theo"}, new Random(21), new ArrayList<>());
        Path wav8 = dir.resolve("string-8k.wav");
        Path wav16 = dir.resolve("string-16k.wav");
        WavWriter.write16(wav8, audio, 8000);
        WavWriter.write16(wav16, upsampledTwice(audio), 16000);
        // the digits themselves, not whether a confidence near 0.5 prints '?'
        AppRunner.Result s8 = AppRunner.run("stream", "--model", older.toString(), "--min-confidence", "0", wav8.toString());
        AppRunner.Result s16 = AppRunner.run("stream", "--model", older.toString(), "--min-confidence", "0",
                wav16.toString());
        assertEquals(0, s16.exitCode(), s16.err());
        assertEquals(digitsOf(s8.out()), digitsOf(s16.out()), s8.out() + " vs " + s16.out());
        assertTrue(s16.err().contains("stream: 16000 Hz audio; each utterance is resampled to the 8000 Hz the model "
                + "was trained on"), s16.err());
        assertTrue(!s8.err().contains("resampled"), s8.err());
    }

    @Test
    void everyStreamOptionIsCheckedWithAOneLineMessage() throws Exception {
        String[][] bad = {
                {"--rate", "-8000", "--rate takes a whole number from 4000 to 384000, got '-8000'"},
                {"--rate", "3000000000", "--rate takes a whole number from 4000 to 384000, got '3000000000'"},
                {"--rate", "1", "--rate takes a whole number from 4000 to 384000, got '1'"},
                {"--threshold", "NaN", "--threshold takes a number from 0 to 100, got 'NaN'"},
                {"--hangover", "-5", "--hangover takes a whole number from 10 to 10000, got '-5'"},
                {"--max-length", "0", "--max-length takes a whole number from 100 to 60000, got '0'"},
                {"--min-confidence", "2", "--min-confidence takes a number from 0 to 1, got '2'"},
                {"--min-length", "2.5", "--min-length takes a whole number from 10 to 10000, got '2.5'"},
        };
        Path wav = recordings.resolve("3_theo_0.wav");
        for (String[] c : bad) {
            AppRunner.Result r = AppRunner.run("stream", "--model", bundle.toString(), c[0], c[1], wav.toString());
            assertEquals(2, r.exitCode(), c[0] + " " + c[1]);
            assertTrue(r.err().startsWith("digits stream: " + c[2] + "\n"), r.err());
            assertEquals("", r.out());
        }
        AppRunner.Result crossed = AppRunner.run("stream", "--model", bundle.toString(), "--min-length", "900",
                "--max-length", "500", wav.toString());
        assertTrue(crossed.err().contains("--max-length (500 ms) is shorter than --min-length (900 ms)"), crossed.err());
    }

    @Test
    void aTruncatedEmptyOrTextStreamIsAnErrorNotSilence() throws Exception {
        float[] audio = digitString("5817", new String[] {"nicolas", "lucas"}, new Random(4), new ArrayList<>());
        Path wav = dir.resolve("to-truncate.wav");
        WavWriter.write16(wav, audio, 8000);
        byte[] whole = Files.readAllBytes(wav);
        Path cut = dir.resolve("truncated-stream.wav");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 3));
        AppRunner.Result full = AppRunner.run("stream", "--model", bundle.toString(), wav.toString());
        AppRunner.Result r = AppRunner.run("stream", "--model", bundle.toString(), cut.toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.err().contains(cut + ": truncated WAV stream: it ends after "), r.err());
        assertTrue(r.err().contains("s its header announces; the digits above are from the part there is"), r.err());
        assertTrue(!digitsOf(r.out()).isEmpty() && digitsOf(full.out()).startsWith(digitsOf(r.out())),
                "the digits before the cut are printed: " + r.out() + " of " + full.out());

        AppRunner.Result empty = AppRunner.runWithInput(new byte[0], "stream", "--model", bundle.toString(), "-");
        assertEquals(1, empty.exitCode());
        assertTrue(empty.err().contains("standard input: no audio (the stream is empty)"), empty.err());

        AppRunner.Result text = AppRunner.runWithInput("hello, these are not samples\nat all, just words\n and more words"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "stream", "--model", bundle.toString(), "-");
        assertEquals(1, text.exitCode());
        assertTrue(text.err().contains("standard input: this is text, not audio"), text.err());
    }

    @Test
    void silenceAndNoiseAloneGiveNoDigits() throws Exception {
        Path silent = dir.resolve("silent.wav");
        WavWriter.write16(silent, new float[8000 * 5], 8000);
        AppRunner.Result quiet = AppRunner.run("stream", "--model", bundle.toString(), silent.toString());
        assertEquals("", quiet.out().trim());
        assertTrue(quiet.err().contains("stream: 5.00 s of audio and no utterance in it"), quiet.err());
        Path noisy = dir.resolve("noise.wav");
        WavWriter.write16(noisy, noise(8000 * 5, 0.03, new Random(5)), 8000);
        assertEquals("", AppRunner.run("stream", "--model", bundle.toString(), noisy.toString()).out().trim());

        // predict answers '-' for a file without speech and says why; a real digit next to them is still predicted
        Path loud = dir.resolve("absurd.wav");
        float[] absurd = WavReader.readClip(recordings.resolve("4_lucas_2.wav")).samples().clone();
        for (int i = 0; i < absurd.length; i++) {
            absurd[i] *= 1e30f;
        }
        WavWriter.write(loud, absurd, 8000, 1, dev.digits.core.audio.WavFormat.Encoding.IEEE_FLOAT, 32);
        Path digit = recordings.resolve("4_lucas_2.wav");
        AppRunner.Result p = AppRunner.run("predict", "--model", bundle.toString(), silent.toString(), noisy.toString(),
                loud.toString(), digit.toString());
        assertEquals(0, p.exitCode(), p.err());
        String[] lines = p.out().trim().split("\n");
        assertEquals(silent + "\t-\t-", lines[0]);
        assertEquals(noisy + "\t-\t-", lines[1]);
        assertEquals(loud + "\t-\t-", lines[2]);
        assertTrue(lines[3].startsWith(digit + "\t4\t"), lines[3]);
        assertTrue(p.err().contains(silent + ": no speech: digital silence"), p.err());
        assertTrue(p.err().contains(noisy + ": no speech: the level is steady, as in noise"), p.err());
        assertTrue(p.err().contains(loud + ": no speech: the level is impossible for audio"), p.err());
        AppRunner.Result forced = AppRunner.run("predict", "--model", bundle.toString(), "--speech-range", "0",
                noisy.toString());
        assertTrue(forced.out().trim().matches(".*\t[0-9]\t[0-9.]+"), "--speech-range 0 turns the check off: " + forced.out());
        AppRunner.Result json = AppRunner.run("predict", "--model", bundle.toString(), "--format", "json", silent.toString());
        assertTrue(json.out().contains("\"noSpeech\" : \"no speech: digital silence\""), json.out());
    }

    @Test
    void benchStreamMeasuresTheDigitErrorRatePerConditionTheSameWayForTheSameSeed() throws Exception {
        AppRunner.Result r = AppRunner.run("bench", "stream", "--model", bundle.toString(), "--digits", "40", "--snr", "20",
                "--seed", "3");
        assertEquals(0, r.exitCode(), r.err());
        // a model trained on tight clips (no shift augmentation) gets the default room around utterances
        assertTrue(r.out().contains("vad energy, 80 ms before and 60 ms after each utterance; 40 digits from 300 clips"),
                r.out());
        java.util.regex.Matcher clean = java.util.regex.Pattern.compile("(?m)^clean +([0-9.]+)% +(\\d+) +(\\d+) +(\\d+) +(\\d+) +[0-9.]+$")
                .matcher(r.out());
        assertTrue(clean.find(), r.out());
        int edits = Integer.parseInt(clean.group(2)) + Integer.parseInt(clean.group(3)) + Integer.parseInt(clean.group(4));
        assertEquals(100.0 * edits / 40, Double.parseDouble(clean.group(1)), 0.01, "DER = edits / digits");
        assertTrue(Double.parseDouble(clean.group(1)) <= 10, "clean streams of test clips: " + r.out());
        assertTrue(r.out().contains("\n20 dB "), r.out());
        assertTrue(r.out().contains("background noise only (30 s, 40 dB below speech): 0 digits printed"), r.out());
        AppRunner.Result again = AppRunner.run("bench", "stream", "--model", bundle.toString(), "--digits", "40", "--snr",
                "20", "--seed", "3");
        assertEquals(withoutRtf(r.out()), withoutRtf(again.out()), "the same seed, the same streams and figures");

        AppRunner.Result silero = AppRunner.run("bench", "stream", "--model", bundle.toString(), "--digits", "20",
                "--vad", "silero");
        assertEquals(0, silero.exitCode(), silero.err());
        assertTrue(silero.out().contains("vad silero") && silero.out().contains("\nclean "), silero.out());
        AppRunner.Result bad = AppRunner.run("stream", "--model", bundle.toString(), "--vad", "silro",
                recordings.resolve("3_theo_1.wav").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--vad takes energy or silero, got 'silro' (did you mean 'silero'?)"), bad.err());
    }

    @Test
    void predictAnswersAQuestionMarkBelowTheConfidenceAskedForWithTheReason() throws Exception {
        String clip = recordings.resolve("7_jackson_1.wav").toString();
        AppRunner.Result sure = AppRunner.run("predict", "--model", bundle.toString(), clip);
        assertEquals(0, sure.exitCode(), sure.err());
        String[] cols = sure.out().trim().split("\t");
        assertTrue(cols[1].matches("[0-9]"), sure.out());
        double confidence = Double.parseDouble(cols[2]);
        AppRunner.Result unsure = AppRunner.run("predict", "--model", bundle.toString(), "--min-confidence",
                String.valueOf(Math.min(1, confidence + 0.0001)), clip);
        assertEquals(0, unsure.exitCode(), unsure.err());
        assertEquals("?", unsure.out().trim().split("\t")[1], unsure.out());
        assertTrue(unsure.err().contains(clip + ": the model's confidence " + cols[2] + " is below"), unsure.err());
        AppRunner.Result below = AppRunner.run("predict", "--model", bundle.toString(), "--min-confidence",
                String.valueOf(confidence - 0.001), clip);
        assertEquals(cols[1], below.out().trim().split("\t")[1], "at or above the threshold: the digit");
        AppRunner.Result bad = AppRunner.run("predict", "--model", bundle.toString(), "--min-confidence", "2", clip);
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--min-confidence takes a number from 0 to 1, got '2'"), bad.err());
    }

    @Test
    void benchStreamCanTakeTheClipsAnExperimentsFirstFoldTests() throws Exception {
        Path yaml = Files.writeString(dir.resolve("loso.yaml"), """
                name: loso
                dataset: {name: fsdd}
                protocol: {type: leave-one-speaker-out}
                extractors: [{id: m, type: mfcc-librosa, params: {sr: native, pooling: mean}}]
                models: [{id: svm, backend: tribuo, spec: {type: svm}}]
                """);
        AppRunner.Result r = AppRunner.run("bench", "stream", "--model", bundle.toString(), "--digits", "20",
                "--fold-of", yaml.toString());
        assertEquals(0, r.exitCode(), r.err());
        // leave one speaker out: the first fold tests george, all 500 of his clips
        assertTrue(r.out().contains("20 digits from 500 clips"), r.out());
    }

    @Test
    void benchServeAnswersEveryRequestAndAccountsForTheServersCpuApartFromTheClients() throws Exception {
        AppRunner.Result r = AppRunner.run("bench", "serve", "--model", bundle.toString(), "--clients", "4",
                "--seconds", "3", "--warm-up", "0");
        assertEquals(0, r.exitCode(), r.err());
        java.util.regex.Matcher requests = java.util.regex.Pattern
                .compile("requests: (\\d+) in [0-9.]+ s; by status: \\{200=(\\d+)}; transport errors: 0").matcher(r.out());
        assertTrue(requests.find(), r.out());
        assertEquals(requests.group(1), requests.group(2), "every request answered with 200: " + r.out());
        assertTrue(Integer.parseInt(requests.group(2)) > 0, r.out());
        java.util.regex.Matcher cpu = java.util.regex.Pattern.compile("per core: the server answers ([0-9.]+) recordings "
                + "per CPU-second = \\d+% of predict on one thread \\(CPU: ([0-9.]+) s in [0-9.]+ s; clients ([0-9.]+) s, "
                + "server ([0-9.]+) s").matcher(r.out());
        assertTrue(cpu.find(), r.out());
        double process = Double.parseDouble(cpu.group(2));
        double clients = Double.parseDouble(cpu.group(3));
        double server = Double.parseDouble(cpu.group(4));
        assertTrue(clients > 0 && server > clients, "the server does more work than its clients: " + r.out());
        assertEquals(process, clients + server, 0.11, "the two parts make the whole: " + r.out());
        assertEquals(Integer.parseInt(requests.group(2)) / server, Double.parseDouble(cpu.group(1)),
                0.02 * Double.parseDouble(cpu.group(1)) + 0.1, r.out());
        assertTrue(r.out().contains("digits-worker") && r.out().contains("bench-client"), r.out());
    }

    private static String withoutRtf(String benchOutput) {
        return benchOutput.replaceAll("(?m) +[0-9.]+$", "");
    }

    @Test
    void smallChunksGiveTheSameResultAsTheWholeStream() throws Exception {
        float[] audio = digitString("8027", new String[] {"lucas", "george"}, new Random(9), new ArrayList<>());
        ModelBundle b = ModelBundle.read(bundle, dev.digits.experiment.Plugins.discover(getClass().getClassLoader()));
        List<String> whole = new ArrayList<>();
        StreamingSession all = new StreamingSession(b, 8000, VoiceActivityDetector.Settings.defaults(), 0.5, x -> whole.add(x.line()));
        all.feed(audio, audio.length);
        all.close();
        List<String> chunked = new ArrayList<>();
        StreamingSession bits = new StreamingSession(b, 8000, VoiceActivityDetector.Settings.defaults(), 0.5, x -> chunked.add(x.line()));
        for (int i = 0; i < audio.length; i += 37) {
            float[] c = Arrays.copyOfRange(audio, i, Math.min(audio.length, i + 37));
            bits.feed(c, c.length);
        }
        bits.close();
        assertEquals(4, whole.size(), whole.toString());
        assertEquals(whole, chunked);
    }

    @Test
    void bundlesWrittenBeforeProvenanceWasTypedStillPredict() throws Exception {
        // bundle.json exactly as the previous version wrote it: provenance with string keys, no typed record
        ModelBundle current = ModelBundle.read(bundle, dev.digits.experiment.Plugins.discover(getClass().getClassLoader()));
        ObjectMapper json = new ObjectMapper();
        String params = json.writeValueAsString(current.manifest().extractor().params().asMap());
        String spec = json.writeValueAsString(current.manifest().spec().asMap());
        Path old = rewrite("old.digits", ignored -> """
                {
                  "format" : "digits-model-bundle",
                  "formatVersion" : 1,
                  "extractor" : { "params" : %s, "name" : "mfcc-librosa", "revision" : 2 },
                  "backend" : "tribuo",
                  "modelType" : "svm",
                  "spec" : %s,
                  "ensemble" : 1,
                  "inputShape" : %s,
                  "labels" : [ "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" ],
                  "trainingData" : { "maxSeconds" : 2.28, "sampleRates" : [ 8000 ], "clips" : 2700, "minSeconds" : 0.14 },
                  "provenance" : {
                    "experimentFile" : "svm.yaml", "experiment" : "svm", "model" : "svm", "extractorId" : "native-mean",
                    "dataset" : "/data/fsdd", "split" : "train", "trainingClips" : 2700, "trainingExamples" : 2700,
                    "seed" : 1, "trainSeconds" : 1.5, "created" : "2026-11-30T10:00:00Z",
                    "digitsVersion" : "0.1.0-SNAPSHOT", "java" : "17.0.15", "backend" : { }
                  }
                }
                """.formatted(params, spec, Arrays.toString(current.manifest().inputShape())));
        ModelBundle read = ModelBundle.read(old, dev.digits.experiment.Plugins.discover(getClass().getClassLoader()));
        assertEquals(null, read.manifest().provenance());
        assertEquals("0.1.0-SNAPSHOT", read.manifest().legacyProvenance().get("digitsVersion").asText());
        String wav = recordings.resolve("3_theo_0.wav").toString();
        AppRunner.Result before = AppRunner.run("predict", "--model", bundle.toString(), wav);
        AppRunner.Result after = AppRunner.run("predict", "--model", old.toString(), wav);
        assertEquals(0, after.exitCode(), after.err());
        assertEquals(before.out().replace(bundle.toString(), ""), after.out().replace(old.toString(), ""));
    }

    @Test
    void anIncompleteOrInconsistentBundleJsonIsOneClearLine() throws Exception {
        String wav = recordings.resolve("0_george_0.wav").toString();
        Path noExtractor = rewrite("no-extractor.digits", j -> {
            try {
                com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                        new ObjectMapper().readTree(j);
                tree.remove("extractor");
                return tree.toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AppRunner.Result r1 = AppRunner.run("predict", "--model", noExtractor.toString(), wav);
        assertEquals(1, r1.exitCode());
        assertTrue(r1.err().contains("no-extractor.digits: incomplete model bundle (bundle.json has no extractor)"), r1.err());
        assertTrue(!r1.err().contains("Exception"), r1.err());

        Path fewLabels = rewrite("labels.digits", j -> j.replaceAll("\"labels\" : \\[[^\\]]*\\]", "\"labels\" : [ \"0\", \"1\" ]"));
        AppRunner.Result r2 = AppRunner.run("predict", "--model", fewLabels.toString(), wav);
        assertEquals(1, r2.exitCode());
        assertTrue(r2.err().contains("labels.digits: bundle.json lists 2 labels but the model predicts 10 classes"), r2.err());

        Path shape = rewrite("shape.digits", j -> j.replaceAll("\"inputShape\" : \\[[^\\]]*\\]", "\"inputShape\" : [ 7 ]"));
        AppRunner.Result r3 = AppRunner.run("predict", "--model", shape.toString(), wav);
        assertEquals(1, r3.exitCode());
        assertTrue(r3.err().contains("shape.digits: bundle.json says inputShape [7] but the model takes [40]"), r3.err());

        Path garbled = rewrite("garbled.digits", j -> j.replace("\"ensemble\" : 1", "\"ensemble\" : \"one\""));
        AppRunner.Result r4 = AppRunner.run("predict", "--model", garbled.toString(), wav);
        assertEquals(1, r4.exitCode());
        assertTrue(r4.err().contains("garbled.digits: malformed model bundle (bundle.json) (line "), r4.err());
    }
}
