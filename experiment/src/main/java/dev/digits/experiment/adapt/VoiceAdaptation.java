package dev.digits.experiment.adapt;

import dev.digits.recognition.bundle.VoiceShift;

import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingSet;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.experiment.training.TrainingService;
import dev.digits.experiment.training.TrainingSets;
import dev.digits.training.ProbabilityMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Re-trains a model's classifier on its own training examples plus a few clips of one voice, each clip repeated
 * so that the clips make up a set share of the examples (a handful of clips would otherwise count for nothing
 * among thousands). First the voice's offset from the training voices is removed ({@link VoiceShift}; the adapted
 * model adds it to every input's features), unless asked not to. The extractor stays frozen: only the classifier
 * learns. The leave-one-clip-out accuracy on the given clips, before and after, says whether it helped.
 */
public final class VoiceAdaptation {
    /**
     * The share of the training examples a voice's clips make up by default: measured leave one speaker out with one
     * clip per digit (docs/generalisation.md), 0.2 did best with the shift (0.1 and 0.3 close behind).
     */
    public static final double DEFAULT_SHARE = 0.2;

    /**
     * The base model's examples an adapted model is trained with by default: a sample of this many (the same number
     * of each digit, drawn with the seed), so that adapting a model trained on tens of thousands of examples takes
     * seconds (docs/many-voices.md has the measurements); 0 takes them all.
     */
    public static final int DEFAULT_BASE_EXAMPLES = 2000;

    private final TrainingService training;

    public VoiceAdaptation(TrainingService training) {
        this.training = training;
    }

    /**
     * One of the user's clips: its name, digit and features, and the features of its augmented copies (made as the
     * base model's training clips were: the adapted model learns the voice under the same conditions; left out
     * together with the clip when it is left out).
     */
    public record Clip(String name, int digit, float[] features, List<float[]> copies) {
        public Clip {
            copies = List.copyOf(copies);
        }

        /** A clip without copies. */
        public Clip(String name, int digit, float[] features) {
            this(name, digit, features, List.of());
        }

        /** The clip with the shift added to its features and its copies'. */
        public Clip shifted(VoiceShift shift) {
            return new Clip(name, digit, shift.apply(features), copies.stream().map(shift::apply).toList());
        }

        /** The clip's features followed by its copies'. */
        public List<float[]> rows() {
            List<float[]> rows = new ArrayList<>(1 + copies.size());
            rows.add(features);
            rows.addAll(copies);
            return rows;
        }
    }

    /**
     * What adapting did.
     *
     * @param shift          added to the features of every input before the model, or {@code null} for none
     * @param repeats        how many times each clip (and each of its copies) was added
     * @param correctBefore  clips the base model got right
     * @param correctAfter   clips a model adapted on all the other clips got right (leave one clip out), or
     *                       {@code null} when not checked
     */
    public record Result(TrainedModel model, VoiceShift shift, TrainingSet trainedOn, int repeats, int correctBefore,
                         Integer correctAfter, int clips, OwnDataCheck ownData) {
    }

    /**
     * The held-back check: part of the base model's own training examples (a tenth of each digit's, at most 100 a
     * digit, chosen with the seed) is left out of two models trained for decisions only, one on the rest of the
     * base examples alone and one on the rest with the voice's clips; both label the part left out. A harmless
     * adaptation labels it as well as the reference; a clip filed under the wrong digit, or one voice taught too
     * hard, shows as a drop here even when the user's own clips score well.
     *
     * @param examples       examples held back
     * @param correctBase    of them the reference (base examples only) labels right
     * @param correctAdapted of them the adapted model labels right
     */
    public record OwnDataCheck(int examples, int correctBase, int correctAdapted) {
        /** Whether the adapted model labels more than 1% of the held-back examples (at least 2) worse. */
        public boolean worse() {
            return correctBase - correctAdapted > Math.max(1, examples / 100);
        }
    }

    /** An adapted classifier and the shift its inputs take first ({@code null}: none). */
    public record Adapted(TrainedModel model, VoiceShift shift) {
        /** The features this model takes for a row of the extractor's. */
        public float[] input(float[] features) {
            return shift == null ? features : shift.apply(features);
        }
    }

    /**
     * At most {@code max} of {@code base}'s examples, as many of each label as it has up to {@code max / classes}
     * (the rest of the room filled from the labels with more), drawn with {@code seed}; all of them when
     * {@code max} is 0 or the set is no larger.
     */
    public static TrainingSet sample(TrainingSet base, int max, long seed) {
        if (max <= 0 || base.size() <= max) {
            return base;
        }
        List<List<Integer>> byLabel = new ArrayList<>();
        for (int c = 0; c < base.numClasses(); c++) {
            byLabel.add(new ArrayList<>());
        }
        for (int i = 0; i < base.size(); i++) {
            byLabel.get(base.labels()[i]).add(i);
        }
        java.util.Random random = new java.util.Random(seed);
        byLabel.forEach(l -> java.util.Collections.shuffle(l, random));
        List<Integer> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < max; round++) { // one of each label per round, in label order
            boolean any = false;
            for (List<Integer> l : byLabel) {
                if (round < l.size() && chosen.size() < max) {
                    chosen.add(l.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return base.select(chosen.stream().sorted().mapToInt(Integer::intValue).toArray());
    }

    /** Times each row is repeated so that {@code rows} of them make up {@code share} of the examples. */
    public static int repeats(int baseExamples, int rows, double share) {
        if (rows == 0) {
            return 0;
        }
        return Math.max(1, (int) Math.ceil(share * baseExamples / ((1 - share) * rows)));
    }

    /** The rows the clips add, once each: every clip and every copy. */
    public static int rows(List<Clip> clips) {
        return clips.stream().mapToInt(c -> 1 + c.copies().size()).sum();
    }

    /**
     * Adapts: scores the base model on every clip, then for every clip adapts without it and scores it, then adapts
     * on all of them.
     *
     * @param clips      the clips with the extractor's features (no shift of the base model's added)
     * @param baseShift  the shift the base model's inputs take ({@code null}: none), for the score before
     * @param shiftVoice whether to remove the voice's offset ({@link VoiceShift}) before re-training
     * @param check      whether to run the leave-one-clip-out checks (one re-training per clip)
     * @param progress   told of each leave-one-clip-out check as it ends and of the last training as it starts
     */
    public Result adapt(ModelConfig model, long seed, TrainingSet base, TrainedModel baseModel, VoiceShift baseShift,
                        List<Clip> clips, double share, boolean shiftVoice, boolean check, Consumer<String> progress) {
        int repeats = repeats(base.size(), rows(clips), share);
        Adapted before = new Adapted(baseModel, baseShift);
        int correctBefore = 0;
        for (Clip c : clips) {
            correctBefore += predict(before, c) == c.digit() ? 1 : 0;
        }
        Integer correctAfter = check ? leaveOneClipOut(model, seed, base, clips, share, shiftVoice, progress) : null;
        OwnDataCheck ownData = check ? ownDataCheck(model, seed, base, clips, share, shiftVoice, progress) : null;
        progress.accept("training on all " + clips.size() + " clips");
        VoiceShift shift = shiftVoice ? VoiceShift.estimate(base, examples(clips, base)).orElse(null) : null;
        TrainingSet all = with(base, shifted(clips, shift), repeats);
        TrainedModel adapted = training.train(model, seed, all, e -> { }).model();
        return new Result(adapted, shift, all, repeats, correctBefore, correctAfter, clips.size(), ownData);
    }

    /** How many clips a model adapted on the other clips gets right (0 for a single clip: nothing to leave out). */
    private int leaveOneClipOut(ModelConfig model, long seed, TrainingSet base, List<Clip> clips, double share,
                                boolean shiftVoice, Consumer<String> progress) {
        if (clips.size() < 2) {
            return 0;
        }
        int correct = 0;
        for (int i = 0; i < clips.size(); i++) {
            List<Clip> others = new ArrayList<>(clips);
            Clip held = others.remove(i);
            boolean right = predict(train(model, seed, base, others, share, shiftVoice, true), held) == held.digit();
            correct += right ? 1 : 0;
            progress.accept("leave-one-clip-out " + (i + 1) + "/" + clips.size() + ": " + held.name()
                    + (right ? " right" : " wrong") + " when left out");
        }
        return correct;
    }

    /**
     * The adapted model alone: the voice's shift estimated from the clips (when {@code shiftVoice}), then trained on
     * the base examples and every clip, shifted and repeated to {@code share}.
     */
    public Adapted train(ModelConfig model, long seed, TrainingSet base, List<Clip> clips, double share,
                         boolean shiftVoice) {
        return train(model, seed, base, clips, share, shiftVoice, false);
    }

    /**
     * @param forDecisions a model for a leave-one-clip-out check: only its decisions count, so the backend may skip
     *                     calibrating probabilities (the SVM then fits each pair of classes once, not six times)
     */
    private Adapted train(ModelConfig model, long seed, TrainingSet base, List<Clip> clips, double share,
                          boolean shiftVoice, boolean forDecisions) {
        VoiceShift shift = shiftVoice ? VoiceShift.estimate(base, examples(clips, base)).orElse(null) : null;
        TrainingSet set = with(base, shifted(clips, shift), repeats(base.size(), rows(clips), share));
        TrainedModel trained = forDecisions ? training.trainForDecisions(model, seed, set)
                : training.train(model, seed, set, e -> { }).model();
        return new Adapted(trained, shift);
    }

    /** The clips and their copies as examples labelled with their digits (what a voice's shift is estimated from). */
    static TrainingSet examples(List<Clip> clips, TrainingSet base) {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Clip c : clips) {
            for (float[] row : c.rows()) {
                rows.add(row);
                labels.add(c.digit());
            }
        }
        return TrainingSets.of(rows, labels, base.shape(), base.numClasses());
    }

    private static List<Clip> shifted(List<Clip> clips, VoiceShift shift) {
        return shift == null ? clips : clips.stream().map(c -> c.shifted(shift)).toList();
    }

    /** The base examples followed by each clip and each of its copies {@code repeats} times. */
    static TrainingSet with(TrainingSet base, List<Clip> clips, int repeats) {
        return TrainingSets.withRepeated(base, examples(clips, base), repeats);
    }

    /**
     * A folder whose clips the base model mostly hears, confidently, as one other digit: a likely mislabel (two
     * folders swapped, say).
     *
     * @param heard how many of the folder's {@code clips} the model gave {@code heardAs} with probability of at least
     *              {@link #CONFIDENT}
     */
    public record LikelyMislabel(int digit, int heardAs, int heard, int clips) {
    }

    /** The probability from which the base model's answer counts as confident for {@link #likelyMislabels}. */
    public static final double CONFIDENT = 0.8;

    /** The folders whose clips the base model mostly hears as one other digit, confidently. */
    public static List<LikelyMislabel> likelyMislabels(TrainedModel base, VoiceShift shift, List<Clip> clips) {
        Adapted model = new Adapted(base, shift);
        java.util.Map<Integer, java.util.Map<Integer, Integer>> heard = new java.util.TreeMap<>();
        java.util.Map<Integer, Integer> perDigit = new java.util.TreeMap<>();
        for (Clip c : clips) {
            float[] p = base.predictProbabilities(new float[][] {model.input(c.features())})[0];
            int best = ProbabilityMetrics.argmax(p);
            perDigit.merge(c.digit(), 1, Integer::sum);
            if (best != c.digit() && p[best] >= CONFIDENT) {
                heard.computeIfAbsent(c.digit(), d -> new java.util.TreeMap<>()).merge(best, 1, Integer::sum);
            }
        }
        List<LikelyMislabel> out = new ArrayList<>();
        heard.forEach((digit, as) -> as.forEach((other, n) -> {
            if (2 * n > perDigit.get(digit)) {
                out.add(new LikelyMislabel(digit, other, n, perDigit.get(digit)));
            }
        }));
        return out;
    }

    /** {@link OwnDataCheck}: two trainings for decisions, on the base examples less a held-back part. */
    OwnDataCheck ownDataCheck(ModelConfig model, long seed, TrainingSet base, List<Clip> clips, double share,
                              boolean shiftVoice, Consumer<String> progress) {
        boolean[] held = heldBack(base, seed);
        int[] kept = java.util.stream.IntStream.range(0, base.size()).filter(i -> !held[i]).toArray();
        int[] out = java.util.stream.IntStream.range(0, base.size()).filter(i -> held[i]).toArray();
        TrainingSet rest = base.select(kept);
        progress.accept("held-back check: " + out.length + " of the base model's examples left out of a reference "
                + "model and an adapted one");
        TrainedModel reference = training.trainForDecisions(model, seed, rest);
        Adapted adapted = train(model, seed, rest, clips, share, shiftVoice, true);
        float[][] rows = base.select(out).features();
        float[][] p0 = reference.predictProbabilities(rows);
        float[][] p1 = adapted.model().predictProbabilities(rows);
        int right0 = 0;
        int right1 = 0;
        for (int i = 0; i < out.length; i++) {
            int label = base.labels()[out[i]];
            right0 += ProbabilityMetrics.argmax(p0[i]) == label ? 1 : 0;
            right1 += ProbabilityMetrics.argmax(p1[i]) == label ? 1 : 0;
        }
        return new OwnDataCheck(out.length, right0, right1);
    }

    /** A tenth of each label's examples (at least one when it has two or more, at most 100), chosen with the seed. */
    static boolean[] heldBack(TrainingSet base, long seed) {
        boolean[] held = new boolean[base.size()];
        java.util.Random random = new java.util.Random(seed);
        for (int label = 0; label < base.numClasses(); label++) {
            List<Integer> of = new ArrayList<>();
            for (int i = 0; i < base.size(); i++) {
                if (base.labels()[i] == label) {
                    of.add(i);
                }
            }
            java.util.Collections.shuffle(of, random);
            int n = of.size() < 2 ? 0 : Math.min(100, Math.max(1, of.size() / 10));
            for (int k = 0; k < n; k++) {
                held[of.get(k)] = true;
            }
        }
        return held;
    }

    private static int predict(Adapted model, Clip clip) {
        return ProbabilityMetrics.argmax(model.model().predictProbabilities(new float[][] {model.input(clip.features())})[0]);
    }
}
