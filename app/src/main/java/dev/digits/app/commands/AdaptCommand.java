package dev.digits.app.commands;

import dev.digits.core.io.AtomicFiles;
import dev.digits.core.fetch.Sha256;
import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.Features;
import dev.digits.api.model.TrainingSet;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.adapt.ClipCopies;
import dev.digits.experiment.adapt.VoiceAdaptation;
import dev.digits.recognition.bundle.VoiceShift;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.app.cli.Command;
import dev.digits.app.cli.NumberOption;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.UsageException;
import dev.digits.experiment.config.ConfigValues;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.recognition.bundle.BundleManifest;
import dev.digits.recognition.bundle.BundleManifest.TrainingData;
import dev.digits.experiment.training.TrainingService;
import dev.digits.core.audio.SpeechPresence;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.BadFile;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusEntry;
import dev.digits.core.dataset.CorpusLayout;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Locale;
import dev.digits.core.labels.DigitLabels;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** {@code digits adapt}: personalises a trained bundle to one voice from a few clips per digit. */
public final class AdaptCommand implements Command {
    private final Plugins plugins;

    @Inject
    public AdaptCommand(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "adapt";
    }

    @Override
    public String summary() {
        return "personalise a trained model to one voice: re-train its classifier with a few clips per digit";
    }

    @Override
    public String usage() {
        return "--model base.digits --clips DIR --out adapted.digits [--share S] [--partial] [--no-shift] [--no-copies] [--no-check] [--keep-worse] [--base-examples N]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("m").longOpt("model").hasArg().argName("FILE").desc("the bundle to adapt").build())
                .addOption(Option.builder("c").longOpt("clips").hasArg().argName("DIR")
                        .desc("the voice's clips: DIR/0/*.wav ... DIR/9/*.wav, one or more per digit").build())
                .addOption(Option.builder("o").longOpt("out").hasArg().argName("FILE").desc("the adapted bundle to write").build())
                .addOption(Option.builder().longOpt("share").hasArg().argName("S")
                        .desc("part of the training examples the clips make up, each repeated to reach it (default "
                                + VoiceAdaptation.DEFAULT_SHARE + ")").build())
                .addOption(Option.builder().longOpt("no-copies")
                        .desc("add the clips alone, without the augmented copies (noise, room, level) the model's "
                                + "training clips had").build())
                .addOption(Option.builder().longOpt("no-shift")
                        .desc("re-train only: keep the voice's features as they are instead of first removing its "
                                + "offset from the training voices").build())
                .addOption(Option.builder().longOpt("no-check")
                        .desc("skip the leave-one-clip-out checks (a re-training per clip): faster, but no estimate of "
                                + "how the adapted model does on the voice").build())
                .addOption(Option.builder().longOpt("base-examples").hasArg().argName("N")
                        .desc("train the adapted model with a sample of N of the base model's examples, the same number "
                                + "of each digit (default " + VoiceAdaptation.DEFAULT_BASE_EXAMPLES + "; 0: all of them, "
                                + "slower)").build())
                .addOption(Option.builder().longOpt("keep-worse")
                        .desc("write the adapted bundle even when it gets fewer of the clips right (left out in turn) "
                                + "than the base model; by default it is not written").build())
                .addOption(Option.builder().longOpt("partial")
                        .desc("adapt even when some digits have no clips (those keep what the base model learnt)").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        for (String required : List.of("model", "clips", "out")) {
            if (!line.hasOption(required)) {
                throw new UsageException("--" + required + " is required");
            }
        }
        double share = parseShare(line.getOptionValue("share", String.valueOf(VoiceAdaptation.DEFAULT_SHARE)));
        Path modelFile = Path.of(line.getOptionValue("model"));
        Path dir = Path.of(line.getOptionValue("clips"));
        Path out = Path.of(line.getOptionValue("out"));
        checkOut(out, modelFile);
        ModelBundle bundle = ModelBundle.read(modelFile, plugins);
        bundle.warnings().forEach(w -> console.err().println("warning: " + modelFile + ": " + w));
        TrainingSet all = bundle.trainingExamples(modelFile);
        int baseExamples = NumberOption.wholeNumber(line, "base-examples", VoiceAdaptation.DEFAULT_BASE_EXAMPLES, 0,
                Integer.MAX_VALUE);
        TrainingSet base = VoiceAdaptation.sample(all, baseExamples, 1);
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such folder (expected " + dir + "/0/*.wav ... " + dir + "/9/*.wav)");
        }
        Corpus corpus = CorpusLayout.FOLDERS.scan(dir);
        for (BadFile b : corpus.badFiles()) {
            console.err().println("skipped " + b);
        }
        refuseRecordingsUnderSeveralDigits(corpus.entries());
        ClipCopies copies = line.hasOption("no-copies") ? ClipCopies.none(bundle)
                : ClipCopies.of(bundle, plugins.augmentations());
        TreeSet<Integer> rates = new TreeSet<>(bundle.trainingData().sampleRates());
        List<VoiceAdaptation.Clip> clips = clips(corpus, dir, bundle, base, copies, rates, console);
        TreeSet<Integer> missing = new TreeSet<>();
        IntStream.range(0, Math.min(base.numClasses(), DigitLabels.OTHER)).forEach(missing::add); // ? needs no clips
        clips.forEach(c -> missing.remove(c.digit()));
        if (clips.isEmpty()) {
            throw new IOException(dir + ": no usable clips (expected WAV files in " + dir + "/0/ ... " + dir + "/9/)");
        }
        if (!missing.isEmpty() && !line.hasOption("partial")) {
            throw new IOException(dir + " has no usable clips for digit" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing.stream().map(String::valueOf).toList()) + " (expected WAV files in "
                    + String.join(", ", missing.stream().map(d -> dir.resolve(d.toString()) + "/").toList())
                    + "); add at least one for each, or pass --partial to adapt with the digits there are");
        }

        BundleManifest meta = bundle.manifest();
        Object seedValue = meta.spec().asMap().get("seed");
        long seed = seedValue instanceof Number n ? n.longValue() : 1L;
        ModelConfig model = new ModelConfig("adapted", meta.backend(), meta.modelType(),
                ConfigValues.of(meta.spec().asMap()).without("seed"), meta.ensemble());
        int repeats = VoiceAdaptation.repeats(base.size(), VoiceAdaptation.rows(clips), share);
        console.out().printf(Locale.ROOT, "adapting %s (%s %s on %s) with %d clips of %s%s%s: each counted %d times "
                        + "among %d training examples%s%n", modelFile, meta.backend(), meta.modelType(), meta.extractor().name(),
                clips.size(), dir, missing.isEmpty() ? "" : " (no clips for digits " + missing + ")",
                copies.count() == 0 ? "" : " and " + copies.count() + " copies of each (" + copies.id()
                        + ", as the model's training clips had)", repeats, base.size(), base.size() < all.size()
                        ? " (a sample of the base model's " + all.size() + "; --base-examples 0 takes them all)" : "");
        for (VoiceAdaptation.LikelyMislabel m : VoiceAdaptation.likelyMislabels(bundle.model(), bundle.voiceShift(), clips)) {
            console.err().printf(Locale.ROOT, "warning: %s: the model hears %d of its %d clips as %s, confidently; are "
                    + "they filed under the right digit?%n", dir.resolve(Integer.toString(m.digit())), m.heard(), m.clips(),
                    m.heardAs() == DigitLabels.OTHER ? "? (not a digit)" : DigitLabels.name(m.heardAs()));
        }
        long t0 = System.nanoTime();
        boolean shiftVoice = !line.hasOption("no-shift");
        VoiceAdaptation.Result r = new VoiceAdaptation(new TrainingService(plugins)).adapt(model, seed, base,
                bundle.model(), bundle.voiceShift(), clips, share, shiftVoice, !line.hasOption("no-check"),
                step -> console.err().println("  " + step));
        printResult(r, clips, shiftVoice, base.numClasses(), console);
        boolean worseOnClips = r.correctAfter() != null && r.correctAfter() < r.correctBefore();
        if (worseOnClips && !line.hasOption("keep-worse")) {
            console.err().printf(Locale.ROOT, "%s not written: adapting made the leave-one-clip-out score of your clips "
                    + "worse than the base model's (%d/%d before, %d/%d after); check that each clip is in its digit's "
                    + "folder and keep using %s (--keep-worse writes it anyway)%n", out, r.correctBefore(), r.clips(),
                    r.correctAfter(), r.clips(), modelFile);
            return 1;
        }
        if (worseOnClips) {
            console.err().printf(Locale.ROOT, "warning: adapting made the leave-one-clip-out score of your clips worse "
                    + "(%d/%d before, %d/%d after); written as --keep-worse asks%n", r.correctBefore(), r.clips(),
                    r.correctAfter(), r.clips());
        }
        VoiceAdaptation.OwnDataCheck own = r.ownData();
        if (own != null) {
            console.out().printf(Locale.ROOT, "held back from the base model's examples: %d; labelled right without "
                    + "your clips %d, with them %d%n", own.examples(), own.correctBase(), own.correctAdapted());
        }
        if (own != null && own.worse()) {
            console.err().printf(Locale.ROOT, "warning: adapting made the model worse on examples of the base model's own "
                    + "data held back from training (%d/%d without your clips, %d/%d with them): some clips may be in "
                    + "the wrong folder, or too alike; check them, or keep the base model%n", own.correctBase(),
                    own.examples(), own.correctAdapted(), own.examples());
        }

        TrainingData old = bundle.trainingData();
        TrainingData data = new TrainingData(new ArrayList<>(rates), old.minSeconds(), old.maxSeconds(),
                old.clips() + clips.size(), bundle.inputRate().orElse(null));
        BundleManifest.AdaptationRecord record = new BundleManifest.AdaptationRecord(modelFile.getFileName().toString(),
                Sha256.of(modelFile), clips.stream().map(VoiceAdaptation.Clip::name).toList(), r.repeats(),
                r.correctBefore(), r.correctAfter(), r.shift() == null ? null : r.shift().values());
        ModelBundle.write(out, bundle.extractor(), r.model(), bundle.labels(), data, meta.provenance(), r.trainedOn(), record,
                bundle.minConfidence().orElse(null));
        console.out().printf(Locale.ROOT, "adapted in %.1f s; wrote %s%n", (System.nanoTime() - t0) / 1e9, out);
        return 0;
    }

    /** {@code --out} is not the base model and can be written: checked before minutes of training, not after. */
    private static void checkOut(Path out, Path modelFile) throws IOException, UsageException {
        if (out.toAbsolutePath().normalize().equals(modelFile.toAbsolutePath().normalize())
                || Files.exists(out) && Files.exists(modelFile) && Files.isSameFile(out, modelFile)) {
            throw new UsageException("--out " + out + " is the base model itself; write the adapted bundle to another "
                    + "file (the base is read, never overwritten)");
        }
        AtomicFiles.checkWritable(out);
    }

    /** One recording filed under several digits cannot be right: refused, naming the files. */
    private static void refuseRecordingsUnderSeveralDigits(List<CorpusEntry> entries) throws IOException {
        Map<String, List<CorpusEntry>> byContent = new LinkedHashMap<>();
        for (CorpusEntry e : entries) {
            byContent.computeIfAbsent(Sha256.of(e.path()), h -> new ArrayList<>()).add(e);
        }
        for (List<CorpusEntry> same : byContent.values()) {
            List<Integer> digits = same.stream().map(CorpusEntry::digit).distinct().sorted().toList();
            if (digits.size() > 1) {
                throw new IOException("the same recording is filed under digits " + digits + ": " + String.join(", ",
                        same.stream().map(e -> e.path().toString()).toList()) + "; keep it in its own digit's folder only");
            }
        }
    }

    /**
     * The voice's clips in the folders, each with its features and copies ({@code rates} gets their sample rates); a
     * clip that cannot be used is reported and skipped.
     */
    private static List<VoiceAdaptation.Clip> clips(Corpus corpus, Path dir, ModelBundle bundle, TrainingSet base,
                                                    ClipCopies copies, TreeSet<Integer> rates, Console console) {
        List<VoiceAdaptation.Clip> clips = new ArrayList<>();
        for (CorpusEntry e : corpus.entries()) {
            if (e.digit() >= base.numClasses()) {
                console.err().println("skipped " + e.path() + ": the model knows no digit " + e.digit());
                continue;
            }
            try {
                AudioClip clip = WavReader.readClip(e.path());
                java.util.Optional<String> none = SpeechPresence.DEFAULT.noSpeech(clip.samples(), clip.sampleRate());
                if (none.isPresent()) {
                    throw new IOException(none.get() + " (predict would answer '-' for it)");
                }
                Features f = bundle.extractorFeatures(clip);
                if (!Arrays.equals(f.shape(), base.shape())) {
                    throw new IOException("features of shape " + Arrays.toString(f.shape()) + ", the model's are "
                            + Arrays.toString(base.shape()));
                }
                clips.add(new VoiceAdaptation.Clip(dir.relativize(e.path()).toString(), e.digit(), f.values(),
                        copies.of(clip)));
                rates.add(clip.sampleRate());
            } catch (IOException | RuntimeException ex) {
                String why = String.valueOf(ex.getMessage());
                console.err().println("skipped " + (why.startsWith(e.path().toString()) ? why : e.path() + ": " + why));
            }
        }
        return clips;
    }

    /** What adapting did: the voice's shift, and the clips right before and after. */
    private static void printResult(VoiceAdaptation.Result r, List<VoiceAdaptation.Clip> clips, boolean shiftVoice,
                                    int numClasses, Console console) {
        int digits = (int) clips.stream().mapToInt(VoiceAdaptation.Clip::digit).distinct().count();
        if (r.shift() != null) {
            console.out().printf(Locale.ROOT, "the voice's offset from the training voices, from clips of %d digits, "
                    + "removed: a shift of length %.3f added to its features%n", digits, r.shift().norm());
        } else if (shiftVoice) {
            console.out().printf(Locale.ROOT, "the voice's offset not removed: clips of %d digits, at least %d needed "
                    + "to tell the voice from the words%n", digits,
                    (int) Math.ceil(VoiceShift.MIN_DIGIT_SHARE * numClasses));
        }
        if (r.correctAfter() == null) {
            console.out().printf(Locale.ROOT, "your clips: before %d/%d (%.1f%%); leave-one-clip-out checks not run "
                    + "(--no-check)%n", r.correctBefore(), r.clips(), 100.0 * r.correctBefore() / r.clips());
        } else {
            console.out().printf(Locale.ROOT, "your clips, leave-one-clip-out: before %d/%d (%.1f%%), after %d/%d "
                    + "(%.1f%%)%s%n", r.correctBefore(), r.clips(), 100.0 * r.correctBefore() / r.clips(),
                    r.correctAfter(), r.clips(), 100.0 * r.correctAfter() / r.clips(),
                    r.clips() < 2 ? " (one clip: nothing to leave out)" : "");
        }
    }

    private static double parseShare(String text) throws UsageException {
        try {
            double s = Double.parseDouble(text);
            if (s > 0 && s < 1) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--share must be a number between 0 and 1 (exclusive), got '" + text + "'");
    }
}
