package dev.digits.app.bench;

import dev.digits.experiment.Plugins;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.NumberOption;
import dev.digits.app.cli.UsageException;
import dev.digits.experiment.run.ExperimentRunner;
import dev.digits.experiment.run.ExperimentPlan;
import dev.digits.app.cli.LauncherEngines;
import dev.digits.experiment.loading.ExperimentLoader;
import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.recognition.ClipRecognizer;
import dev.digits.recognition.DigitRecognizer;
import dev.digits.recognition.Recognition;
import dev.digits.recognition.stream.FrameDecider;
import dev.digits.recognition.stream.Segmenters;
import dev.digits.recognition.StreamingSession;
import dev.digits.recognition.stream.UtteranceFraming;
import dev.digits.recognition.stream.VoiceActivityDetector;
import dev.digits.core.audio.AudioFileException;
import dev.digits.core.audio.SincResampler;
import dev.digits.core.audio.WavFile;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusEntry;
import dev.digits.core.labels.DigitLabels;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.dataset.SpeechCommandsFolder;
import org.apache.commons.cli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code digits bench stream --model m.digits}: joins a corpus's clips into seeded streams (pauses of 0.3-0.8 s,
 * levels varied by up to 6 dB, white noise at each SNR asked for), runs the streaming recogniser over them and
 * prints, per condition, the digit error rate (edit distance over digits) with its insertions, deletions and
 * substitutions, and the real-time factor; then how many digits 30 s of low background noise gives.
 */
final class StreamBenchmark {
    private static final double CHUNK_SECONDS = 0.02;

    private final Plugins plugins;
    private final DatasetLocator locator;

    StreamBenchmark(Plugins plugins, DatasetLocator locator) {
        this.plugins = plugins;
        this.locator = locator;
    }

    /** One stream: its samples and the digits spoken in it. */
    record TestStream(float[] samples, int sampleRate, String digits) {
        double seconds() {
            return samples.length / (double) sampleRate;
        }
    }

    /** How a recognised digit string differs from the spoken one. */
    record Errors(int insertions, int deletions, int substitutions) {
        int total() {
            return insertions + deletions + substitutions;
        }

        /** The fewest edits turning {@code truth} into {@code heard}, by kind. */
        static Errors between(String truth, String heard) {
            int n = truth.length();
            int m = heard.length();
            int[][] d = new int[n + 1][m + 1];
            for (int i = 0; i <= n; i++) {
                d[i][0] = i;
            }
            for (int j = 0; j <= m; j++) {
                d[0][j] = j;
            }
            for (int i = 1; i <= n; i++) {
                for (int j = 1; j <= m; j++) {
                    int sub = d[i - 1][j - 1] + (truth.charAt(i - 1) == heard.charAt(j - 1) ? 0 : 1);
                    d[i][j] = Math.min(sub, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                }
            }
            int ins = 0;
            int del = 0;
            int subs = 0;
            int i = n;
            int j = m;
            while (i > 0 || j > 0) {
                if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + (truth.charAt(i - 1) == heard.charAt(j - 1) ? 0 : 1)) {
                    if (truth.charAt(i - 1) != heard.charAt(j - 1)) {
                        subs++;
                    }
                    i--;
                    j--;
                } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
                    del++;
                    i--;
                } else {
                    ins++;
                    j--;
                }
            }
            return new Errors(ins, del, subs);
        }
    }

    int run(CommandLine line, Console console) throws Exception {
        if (!line.hasOption("model")) {
            throw new UsageException("bench stream needs --model m.digits (a bundle from digits train)");
        }
        int count = NumberOption.wholeNumber(line, "digits", 300, 1, 100000);
        long seed = NumberOption.wholeNumber(line, "seed", 1, 0, Integer.MAX_VALUE);
        List<Double> snrs = new ArrayList<>();
        if (line.hasOption("snr")) {
            for (String v : line.getOptionValues("snr")) {
                for (String part : v.split(",")) {
                    try {
                        snrs.add(Double.parseDouble(part.trim()));
                    } catch (NumberFormatException e) {
                        throw new UsageException("--snr takes numbers of dB, such as --snr 20 --snr 10, got '" + part + "'");
                    }
                }
            }
        }
        PrintStream out = console.out();
        ModelBundle bundle = ModelBundle.read(Path.of(line.getOptionValue("model")), plugins);
        List<CorpusEntry> clips = line.hasOption("fold-of") ? firstFoldsTestClips(Path.of(line.getOptionValue("fold-of")), console)
                : clips(line.getOptionValue("data", "fsdd"), line.getOptionValue("speaker"), line.hasOption("all-clips"));
        VoiceActivityDetector.Settings d = UtteranceFraming.defaultsFor(bundle);
        double thresholdDb = NumberOption.number(line, "threshold", d.thresholdDb(), 0, 100, false);
        VoiceActivityDetector.Settings settings = new VoiceActivityDetector.Settings(thresholdDb, d.absoluteFloorDb(),
                NumberOption.wholeNumber(line, "hangover", d.hangoverMs(), 0, 5000),
                NumberOption.wholeNumber(line, "min-length", d.minMs(), 0, 5000), d.maxMs(),
                NumberOption.wholeNumber(line, "preroll", d.prerollMs(), 0, 1000),
                NumberOption.wholeNumber(line, "postroll", d.postrollMs(), 0, 1000));
        String vad = line.getOptionValue("vad", "energy");
        int othersPer100 = NumberOption.wholeNumber(line, "other-words", 0, 0, 1000);
        double minConfidence = NumberOption.number(line, "min-confidence",
                bundle.minConfidence().orElse(DigitRecognizer.STREAM_MIN_CONFIDENCE), 0, 1, false);
        // an experiment with otherWords: its fold's test clips of other words, of speakers the model never heard
        List<Path> foldOthers = clips.stream().filter(e -> e.digit() == DigitLabels.OTHER).map(CorpusEntry::path).toList();
        clips = clips.stream().filter(e -> e.digit() != DigitLabels.OTHER).toList();
        List<Path> others = othersPer100 == 0 ? List.of() : !foldOthers.isEmpty() ? foldOthers : otherWords();
        TestStream clean = build(clips, others, count, othersPer100, seed, Double.NaN);
        out.printf(Locale.ROOT, "model: %s (%s + %s %s%s); vad %s, %d ms before and %d ms after each utterance; %d "
                        + "digits from %d clips, %.1f s of audio at %d Hz, seed %d; a digit needs %.2f%n",
                line.getOptionValue("model"), bundle.extractor().name(), bundle.manifest().backend(),
                bundle.manifest().modelType(), DigitLabels.hasOther(bundle.labels()) ? ", with the class ?" : "", vad,
                settings.prerollMs(), settings.postrollMs(), count, clips.size(), clean.seconds(), clean.sampleRate(),
                seed, minConfidence);
        if (othersPer100 > 0) {
            out.printf(Locale.ROOT, "between them %d clips of other words (%d per 100 digits, from %d clips of Speech "
                    + "Commands' other words%s): a digit printed for one is an insertion%n",
                    Math.round(count * othersPer100 / 100.0), othersPer100, others.size(),
                    foldOthers.isEmpty() ? "" : " among the fold's test clips");
        }
        Segmenters segmenters = new Segmenters(plugins.speechDetectors());
        ClipRecognizer recognizer = StreamingSession.warmedUp(new ClipRecognizer(bundle), clean.sampleRate());
        out.printf("%-10s %7s %5s %5s %5s %5s %8s%n", "condition", "DER", "ins", "del", "sub", "?", "RTF");
        List<String> conditions = new ArrayList<>();
        conditions.add("clean");
        snrs.forEach(s -> conditions.add(new java.math.BigDecimal(s).stripTrailingZeros().toPlainString() + " dB"));
        for (int c = 0; c < conditions.size(); c++) {
            TestStream s = c == 0 ? clean : build(clips, others, count, othersPer100, seed, snrs.get(c - 1));
            StringBuilder heard = new StringBuilder();
            long t0 = System.nanoTime();
            recognise(recognizer, s, settings, segmenters.frames(vad, s.sampleRate(), settings), minConfidence, heard);
            double rtf = (System.nanoTime() - t0) / 1e9 / s.seconds();
            // digits stream prints nothing for ?: a digit answered ? is a deletion, other speech answered ? no error
            Errors e = Errors.between(s.digits(), heard.toString().replace(Recognition.NOT_A_DIGIT, ""));
            long unsure = heard.chars().filter(ch -> ch == '?').count();
            out.printf(Locale.ROOT, "%-10s %6.2f%% %5d %5d %5d %5d %8.4f%n", conditions.get(c),
                    100.0 * e.total() / s.digits().length(), e.insertions(), e.deletions(), e.substitutions(), unsure, rtf);
        }
        // 30 s of low background noise, 40 dB below the clips' mean speech level: nothing should be printed
        float[] noise = new float[30 * clean.sampleRate()];
        double level = rms(clean.samples()) * Math.pow(10, -40 / 20.0);
        Random random = new Random(seed + 1000);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * level);
        }
        StringBuilder fromNoise = new StringBuilder();
        recognise(recognizer, new TestStream(noise, clean.sampleRate(), ""), settings,
                segmenters.frames(vad, clean.sampleRate(), settings), minConfidence, fromNoise);
        String printed = fromNoise.toString().replace(Recognition.NOT_A_DIGIT, "");
        out.printf("background noise only (30 s, 40 dB below speech): %d digits printed%s%n", printed.length(),
                printed.isEmpty() ? "" : " (" + printed + ")");
        return 0;
    }

    private static void recognise(ClipRecognizer recognizer, TestStream s, VoiceActivityDetector.Settings settings,
                                  FrameDecider frames, double minConfidence, StringBuilder heard) {
        StreamingSession r = new StreamingSession(recognizer, s.sampleRate(), settings, frames, minConfidence,
                x -> heard.append(x.label()));
        int chunk = (int) (CHUNK_SECONDS * s.sampleRate());
        float[] buffer = new float[chunk];
        for (int i = 0; i < s.samples().length; i += chunk) {
            int n = Math.min(chunk, s.samples().length - i);
            System.arraycopy(s.samples(), i, buffer, 0, n);
            r.feed(buffer, n);
        }
        r.close();
    }

    /**
     * The test clips of an experiment's first fold: the clips {@code digits train --split train} leaves out (with a
     * speaker-disjoint protocol, speakers that model never heard).
     */
    private List<CorpusEntry> firstFoldsTestClips(Path experiment, Console console) throws Exception {
        ExperimentConfig config = new ExperimentLoader(plugins, LauncherEngines.addable()).load(experiment);
        Path root = new ExperimentRunner(plugins, locator, console).resolveDataset(config);
        ExperimentPlan.Data data = ExperimentPlan.data(config, root);
        List<CorpusEntry> entries = data.corpus().entries();
        int[] test = data.protocol().folds(entries).get(0).test();
        return java.util.Arrays.stream(test).mapToObj(entries::get).toList();
    }

    /** The clips streams are made of: the official test clips (index 0-4) of a corpus with indices, else all. */
    private List<CorpusEntry> clips(String data, String speaker, boolean all) throws IOException, UsageException {
        Path root = Files.isDirectory(Path.of(data)) ? Path.of(data) : locator.locate(data);
        Corpus corpus = Corpus.open(root);
        List<CorpusEntry> out = new ArrayList<>();
        for (CorpusEntry e : corpus.entries()) {
            boolean test = all || e.index() < 0 || e.index() < 5;
            if (test && (speaker == null || speaker.equals(e.speaker()))) {
                out.add(e);
            }
        }
        if (out.isEmpty()) {
            throw new UsageException(root + ": no clips" + (speaker == null ? "" : " of speaker '" + speaker + "'")
                    + (all ? "" : " among the official test clips (index 0-4; --all-clips takes every clip)"));
        }
        return out;
    }

    /**
     * A seeded stream of {@code count} digits: clips in a shuffled order (repeating when there are fewer), each
     * after a pause of 0.3-0.8 s and at a level varied by up to 6 dB around the stream's median clip level (each clip
     * is first brought to that level: corpora mix recording setups, FSDD's speakers lie over 20 dB apart, and one
     * noise level would otherwise bury the quiet ones); with white noise at {@code snrDb} below the clips' mean power
     * when it is a number. The same seed gives the same digits and pauses at every SNR.
     */
    static TestStream build(List<CorpusEntry> clips, int count, long seed, double snrDb) throws IOException {
        return build(clips, List.of(), count, 0, seed, snrDb);
    }

    /**
     * {@link #build(List, int, long, double)} with {@code othersPer100} clips of {@code others} (speech that is not a
     * digit) per hundred digits, each between two digits at a seeded place; they are not among the stream's digits,
     * so a digit printed for one counts as an insertion.
     */
    static TestStream build(List<CorpusEntry> clips, List<Path> others, int count, int othersPer100, long seed,
                            double snrDb) throws IOException {
        Random random = new Random(seed);
        List<CorpusEntry> digitOrder = new ArrayList<>();
        while (digitOrder.size() < count) {
            List<CorpusEntry> round = new ArrayList<>(clips);
            Collections.shuffle(round, random);
            digitOrder.addAll(round.subList(0, Math.min(round.size(), count - digitOrder.size())));
        }
        List<CorpusEntry> order = new ArrayList<>(digitOrder);
        if (!others.isEmpty() && othersPer100 > 0) {
            Random placing = new Random(seed * 7919 + 17);
            int n = (int) Math.round(count * othersPer100 / 100.0);
            for (int k = 0; k < n; k++) {
                Path other = others.get(placing.nextInt(others.size()));
                order.add(1 + placing.nextInt(order.size()), new CorpusEntry(other, OTHER, null, -1));
            }
        }
        int rate = -1;
        List<float[]> voiced = new ArrayList<>();
        List<float[]> pauses = new ArrayList<>();
        float[] gains = new float[order.size()];
        StringBuilder digits = new StringBuilder();
        for (CorpusEntry e : order) {
            WavFile wav;
            try {
                wav = WavReader.read(e.path());
            } catch (AudioFileException ex) {
                throw new IOException(ex.getMessage(), ex);
            }
            if (rate < 0) {
                rate = wav.format().sampleRate();
            }
            voiced.add(wav.format().sampleRate() == rate ? wav.mono().clone()
                    : SincResampler.convert(wav.mono(), wav.format().sampleRate(), rate));
            gains[voiced.size() - 1] = (float) Math.pow(10, (random.nextDouble() * 12 - 6) / 20);
            pauses.add(new float[(int) ((0.3 + 0.5 * random.nextDouble()) * rate)]);
            if (e.digit() != OTHER) {
                digits.append(e.digit());
            }
        }
        double[] levels = voiced.stream().mapToDouble(StreamBenchmark::rms).toArray();
        double[] sorted = levels.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        List<float[]> parts = new ArrayList<>();
        double power = 0;
        long speechSamples = 0;
        int total = 0;
        for (int k = 0; k < voiced.size(); k++) {
            float[] x = voiced.get(k);
            float scale = levels[k] == 0 ? gains[k] : (float) (gains[k] * median / levels[k]);
            for (int i = 0; i < x.length; i++) {
                x[i] *= scale;
                power += x[i] * (double) x[i];
            }
            speechSamples += x.length;
            parts.add(pauses.get(k));
            parts.add(x);
            total += pauses.get(k).length + x.length;
        }
        parts.add(new float[(int) (0.5 * rate)]);
        total += (int) (0.5 * rate);
        float[] samples = new float[total];
        int p = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, samples, p, part.length);
            p += part.length;
        }
        if (!Double.isNaN(snrDb)) {
            double sigma = Math.sqrt(power / speechSamples / Math.pow(10, snrDb / 10));
            Random noise = new Random(seed * 31 + Double.doubleToLongBits(snrDb));
            for (int i = 0; i < samples.length; i++) {
                samples[i] += (float) (noise.nextGaussian() * sigma);
            }
        }
        return new TestStream(samples, rate, digits.toString());
    }

    /** The label of a clip in a stream that is not a digit. */
    private static final int OTHER = -1;

    /** Every WAV file of Speech Commands' other words (not digits), found by name as datasets are. */
    private List<Path> otherWords() throws IOException {
        Path root = locator.locate("speech-commands");
        List<Path> files = new ArrayList<>();
        for (String word : SpeechCommandsFolder.otherWords(root)) {
            try (java.util.stream.Stream<Path> s = Files.list(root.resolve(word))) {
                s.filter(f -> f.getFileName().toString().endsWith(".wav")).sorted().forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            throw new IOException(root + ": no clips of other words (folders beside zero ... nine)");
        }
        return files;
    }

    private static double rms(float[] x) {
        double s = 0;
        int n = 0;
        for (float v : x) {
            if (v != 0) {
                s += v * (double) v;
                n++;
            }
        }
        return n == 0 ? 0 : Math.sqrt(s / n);
    }
}
