package dev.digits.experiment.training;

import dev.digits.api.features.Features;
import dev.digits.api.model.TrainingSet;
import dev.digits.core.dataset.CorpusEntry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The one place training and test sets are put together: from a corpus's features and their augmented copies, from
 * rows and labels, and a set with others' rows repeated (what {@code digits adapt} trains on).
 */
public final class TrainingSets {
    private TrainingSets() {
    }

    /**
     * Labelled examples of the clips {@code rows} of {@code entries}, each followed by its augmented copies (a
     * copy that could not be made is left out; the extraction reported it).
     *
     * @throws IllegalStateException    a clip without features
     * @throws IllegalArgumentException features of different shapes
     */
    public static TrainingSet of(List<CorpusEntry> entries, int[] rows, Map<Path, Features> clean,
                                       List<Map<Path, Features>> copies, int numClasses) {
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        int[] shape = null;
        for (int index : rows) {
            CorpusEntry e = entries.get(index);
            Features features = clean.get(e.path());
            if (features == null) {
                throw new IllegalStateException("no features for " + e.path() + " (see the messages above)");
            }
            List<Features> versions = new ArrayList<>();
            versions.add(features);
            for (Map<Path, Features> copy : copies) {
                if (copy.get(e.path()) != null) {
                    versions.add(copy.get(e.path()));
                }
            }
            for (Features f : versions) {
                if (shape == null) {
                    shape = f.shape();
                } else if (!Arrays.equals(shape, f.shape())) {
                    throw new IllegalArgumentException("features of different shapes: " + Arrays.toString(shape) + " and "
                            + Arrays.toString(f.shape()) + " (" + e.path() + "); a matrix extractor needs frames: N for a cnn");
                }
                x.add(f.values());
                y.add(e.digit());
            }
        }
        return new TrainingSet(x.toArray(new float[0][]), shape == null ? new int[] {0} : shape,
                y.stream().mapToInt(Integer::intValue).toArray(), numClasses);
    }

    /** Rows and their labels as a set of features of {@code shape}. */
    public static TrainingSet of(List<float[]> rows, List<Integer> labels, int[] shape, int numClasses) {
        return new TrainingSet(rows.toArray(float[][]::new), shape, labels.stream().mapToInt(Integer::intValue).toArray(),
                numClasses);
    }

    /** {@code base}'s examples followed by each of {@code extra}'s {@code repeats} times in a row. */
    public static TrainingSet withRepeated(TrainingSet base, TrainingSet extra, int repeats) {
        int n = base.size() + extra.size() * repeats;
        float[][] x = new float[n][];
        int[] y = new int[n];
        System.arraycopy(base.features(), 0, x, 0, base.size());
        System.arraycopy(base.labels(), 0, y, 0, base.size());
        int k = base.size();
        for (int i = 0; i < extra.size(); i++) {
            for (int r = 0; r < repeats; r++) {
                x[k] = extra.features()[i];
                y[k++] = extra.labels()[i];
            }
        }
        return new TrainingSet(x, base.shape(), y, base.numClasses());
    }
}
