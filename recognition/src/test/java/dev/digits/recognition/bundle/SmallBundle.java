package dev.digits.recognition.bundle;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingListener;
import dev.digits.api.model.TrainingSet;
import dev.digits.core.audio.WavFile;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.recognition.bundle.BundleManifest.TrainingData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bundle the library's tests share: a Tribuo logistic regression on mean MFCCs of three FSDD speakers' clips 5-19
 * (jackson, nicolas, theo), written with {@link ModelBundle#write} as {@code digits train} would.
 */
public final class SmallBundle {
    private static final String[] SPEAKERS = {"jackson", "nicolas", "theo"};

    private SmallBundle() {
    }

    /** FSDD's recordings folder. */
    public static Path recordings() throws IOException {
        return DatasetLocator.defaults().locate("fsdd").resolve("recordings");
    }

    /** The Speech Commands sample's folder (beside the checkout). */
    public static Path speechCommands() throws IOException {
        return DatasetLocator.defaults().locate("speech-commands");
    }

    /**
     * The clips of other words the open-set bundle trains on: the first six of each of the sample's words
     * {@code yes}, {@code stop}, {@code go}, {@code house}, {@code happy} (30 clips).
     */
    public static List<Path> otherWordsTrainedOn() throws IOException {
        List<Path> clips = new ArrayList<>();
        for (String word : List.of("yes", "stop", "go", "house", "happy")) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(speechCommands().resolve(word))) {
                files.sorted().limit(6).forEach(clips::add);
            }
        }
        return clips;
    }

    /**
     * The same model with an eleventh class, {@code ?}: {@link #otherWordsTrainedOn()} as speech that is not a digit
     * (at FSDD's 8 kHz, as the bundle's input rate); the bundle records {@code minConfidence}.
     */
    public static Path writeOpenSet(Path file, double minConfidence) throws IOException {
        return write(file, true, true, minConfidence);
    }

    private static void examples(FeatureExtractor extractor, List<float[]> x, List<Integer> y) throws IOException {
        for (String speaker : SPEAKERS) {
            for (int digit = 0; digit < 10; digit++) {
                for (int index = 5; index < 20; index++) {
                    WavFile wav = WavReader.read(recordings().resolve(digit + "_" + speaker + "_" + index + ".wav"));
                    x.add(extractor.extract(new AudioClip(wav.mono(), wav.format().sampleRate(), digit, speaker, "")).values());
                    y.add(digit);
                }
            }
        }
    }

    /** Trains the model and writes the bundle to {@code file}, with its training data when asked. */
    public static Path write(Path file, boolean withTrainingData) throws IOException {
        return write(file, false, withTrainingData, null);
    }

    private static Path write(Path file, boolean otherWords, boolean withTrainingData, Double minConfidence)
            throws IOException {
        RecognitionPlugins plugins = RecognitionPlugins.discover(SmallBundle.class.getClassLoader());
        FeatureExtractor extractor = plugins.extractors().get("mfcc-librosa").create(Map.of("sr", "native", "pooling", "mean"));
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        examples(extractor, x, y);
        for (Path other : otherWords ? otherWordsTrainedOn() : List.<Path>of()) {
            WavFile wav = WavReader.read(other);
            float[] at8k = dev.digits.core.audio.SincResampler.convert(wav.mono(), wav.format().sampleRate(), 8000);
            x.add(extractor.extract(new AudioClip(at8k, 8000, 10, null, "")).values());
            y.add(10);
        }
        int classes = otherWords ? 11 : 10;
        TrainingSet set = new TrainingSet(x.toArray(float[][]::new), new int[] {x.get(0).length},
                y.stream().mapToInt(Integer::intValue).toArray(), classes);
        ClassifierProvider tribuo = plugins.backends().get("tribuo");
        TrainedModel model = tribuo.create(tribuo.spec("logistic", Map.of())).train(set, TrainingListener.NONE);
        ModelBundle.write(file, extractor, model, dev.digits.core.labels.DigitLabels.of(classes),
                new TrainingData(List.of(8000), 0.2, 2.0, set.size(), 8000), null, withTrainingData ? set : null, null,
                minConfidence);
        return file;
    }
}
