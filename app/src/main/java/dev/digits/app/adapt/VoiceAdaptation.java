package dev.digits.app.adapt;

import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingSet;
import dev.digits.app.experiment.ExperimentConfig.ModelConfig;
import dev.digits.app.training.TrainingService;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Re-trains a model's classifier on its own training examples plus a few clips of one voice, each clip repeated
 * so that the clips make up a set share of the examples (a handful of clips would otherwise count for nothing
 * among thousands). The features stay what they were: with a pre-trained extractor, only the classifier learns.
 * The leave-one-clip-out accuracy on the given clips, before and after, says whether it helped.
 */
public final class VoiceAdaptation {
    private final TrainingService training;

    public VoiceAdaptation(TrainingService training) {
        this.training = training;
    }

    /** One of the user's clips: its name, digit and features. */
    public record Clip(String name, int digit, float[] features) {
    }

    /**
     * What adapting did.
     *
     * @param repeats        how many times each clip was added
     * @param correctBefore  clips the base model got right
     * @param correctAfter   clips a model adapted on all the other clips got right (leave one clip out)
     */
    public record Result(TrainedModel model, TrainingSet trainedOn, int repeats, int correctBefore, int correctAfter,
                         int clips) {
    }

    /** Times each clip is repeated so that {@code clips} of them make up {@code share} of the examples. */
    public static int repeats(int baseExamples, int clips, double share) {
        if (clips == 0) {
            return 0;
        }
        return Math.max(1, (int) Math.ceil(share * baseExamples / ((1 - share) * clips)));
    }

    /**
     * Adapts: scores the base model on every clip, then for every clip trains without it and scores it, then
     * trains on all of them.
     *
     * @param progress told of each training as it starts
     */
    public Result adapt(ModelConfig model, long seed, TrainingSet base, TrainedModel baseModel, List<Clip> clips,
                        double share, Consumer<String> progress) {
        int repeats = repeats(base.size(), clips.size(), share);
        int before = 0;
        for (Clip c : clips) {
            before += predict(baseModel, c) == c.digit() ? 1 : 0;
        }
        int after = 0;
        if (clips.size() > 1) {
            for (int i = 0; i < clips.size(); i++) {
                progress.accept("leave-one-clip-out " + (i + 1) + "/" + clips.size() + ": without " + clips.get(i).name());
                List<Clip> others = new ArrayList<>(clips);
                Clip held = others.remove(i);
                TrainedModel m = training.train(model, seed, with(base, others, repeats), e -> { }).model();
                after += predict(m, held) == held.digit() ? 1 : 0;
            }
        }
        progress.accept("training on all " + clips.size() + " clips");
        TrainingSet all = with(base, clips, repeats);
        TrainedModel adapted = training.train(model, seed, all, e -> { }).model();
        return new Result(adapted, all, repeats, before, after, clips.size());
    }

    /** The adapted model alone: trained on the base examples and every clip, repeated to {@code share}. */
    public TrainedModel train(ModelConfig model, long seed, TrainingSet base, List<Clip> clips, double share) {
        return training.train(model, seed, with(base, clips, repeats(base.size(), clips.size(), share)), e -> { }).model();
    }

    /** The base examples followed by each clip {@code repeats} times. */
    static TrainingSet with(TrainingSet base, List<Clip> clips, int repeats) {
        int n = base.size() + clips.size() * repeats;
        float[][] x = new float[n][];
        int[] y = new int[n];
        System.arraycopy(base.features(), 0, x, 0, base.size());
        System.arraycopy(base.labels(), 0, y, 0, base.size());
        int k = base.size();
        for (Clip c : clips) {
            for (int r = 0; r < repeats; r++) {
                x[k] = c.features();
                y[k++] = c.digit();
            }
        }
        return new TrainingSet(x, base.shape(), y, base.numClasses());
    }

    private static int predict(TrainedModel model, Clip clip) {
        float[] p = model.predictProbabilities(new float[][] {clip.features()})[0];
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
