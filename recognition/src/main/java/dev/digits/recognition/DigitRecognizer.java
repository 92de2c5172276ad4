package dev.digits.recognition;

import dev.digits.core.audio.SpeechPresence;
import dev.digits.core.audio.WavFile;
import dev.digits.core.audio.WavFormat;
import dev.digits.core.audio.WavReader;
import dev.digits.core.labels.OpenSetRule;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.recognition.bundle.RecognitionPlugins;
import dev.digits.recognition.stream.UtteranceFraming;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The digits library's entry point: a trained model bundle ({@code digits train --out model.digits}) loaded for
 * recognition of single recordings ({@link #recognize(Path)}) and of live audio ({@link #openStream}).
 *
 * <pre>{@code
 * try (DigitRecognizer r = DigitRecognizer.load(Path.of("model.digits"))) {
 *     Recognition x = r.recognize(Path.of("clip.wav"));
 *     System.out.println(x.label() + " " + x.confidence());
 * }
 * }</pre>
 *
 * <p>The bundle's extractor and backend are plugins found on the class path: {@code digits-recognition} brings the
 * ones of {@code experiments/recommended.yaml} (speech embedding, Tribuo); a bundle that needs another fails to load
 * with a message naming the artifact to add.
 *
 * <p>Thread safety: one recognizer serves any number of threads at once ({@code recognize} computes features
 * concurrently and calls the model one at a time). A {@link StreamingSession} is for one stream, fed from one
 * thread at a time; many sessions may share one recognizer.
 */
public final class DigitRecognizer implements AutoCloseable {
    /** The confidence below which a stream's utterance is {@link Recognition#NOT_A_DIGIT}, unless set otherwise. */
    public static final double STREAM_MIN_CONFIDENCE = 0.5;

    private final ClipRecognizer clips;
    private final Double minConfidence;

    private DigitRecognizer(ClipRecognizer clips, Double minConfidence) {
        this.clips = clips;
        this.minConfidence = minConfidence;
    }

    /**
     * Loads a bundle with the plugins on this class's class path.
     *
     * @throws IOException naming the file and the problem: missing, not a bundle, damaged, or needing a plugin that
     *                     is not on the class path (with the artifact to add)
     */
    public static DigitRecognizer load(Path bundle) throws IOException {
        return load(bundle, DigitRecognizer.class.getClassLoader());
    }

    /** Loads a bundle with the plugins a class loader finds. */
    public static DigitRecognizer load(Path bundle, ClassLoader plugins) throws IOException {
        return of(ModelBundle.read(bundle, RecognitionPlugins.discover(plugins)), SpeechPresence.DEFAULT);
    }

    /** A recognizer on a bundle already read, with the given check for recordings without speech. */
    public static DigitRecognizer of(ModelBundle bundle, SpeechPresence presence) {
        return new DigitRecognizer(new ClipRecognizer(bundle, presence), null);
    }

    /**
     * This recognizer, answering {@link Recognition#NOT_A_DIGIT} when the model's confidence is below {@code p}
     * (by default the threshold the bundle records; in bundles that record none, single recordings always get a
     * digit and stream utterances need {@link #STREAM_MIN_CONFIDENCE}).
     */
    public DigitRecognizer withMinConfidence(double p) {
        return new DigitRecognizer(clips, new OpenSetRule(p).minConfidence());
    }

    /** The confidence a single recording's digit needs: as set, else the bundle's, else 0. */
    public double minConfidence() {
        return minConfidence != null ? minConfidence : clips.bundle().minConfidence().orElse(0.0);
    }

    /** The confidence a stream utterance's digit needs: as set, else the bundle's, else {@link #STREAM_MIN_CONFIDENCE}. */
    public double streamMinConfidence() {
        return minConfidence != null ? minConfidence : clips.bundle().minConfidence().orElse(STREAM_MIN_CONFIDENCE);
    }

    /**
     * The digit spoken in a WAV file (any PCM or float format, rate and channel count).
     *
     * @throws IOException naming the file when it cannot be read as audio
     */
    public Recognition recognize(Path wav) throws IOException {
        return recognize(WavReader.read(wav), wav.toString());
    }

    /** The digit spoken in mono samples in [-1, 1] at {@code sampleRate}. */
    public Recognition recognize(float[] samples, int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("a sample rate is positive, got " + sampleRate);
        }
        WavFormat format = new WavFormat(WavFormat.Encoding.IEEE_FLOAT, sampleRate, 1, 32, samples.length);
        return recognize(new WavFile(format, samples), "samples");
    }

    /**
     * The digit spoken in a decoded recording called {@code name}: {@link Recognition#NOT_A_DIGIT} for speech the
     * model hears as not a digit or below {@link #minConfidence()}.
     */
    public Recognition recognize(WavFile wav, String name) {
        return clips.recognize(wav, name, new OpenSetRule(minConfidence()));
    }

    /**
     * A streaming session at {@code sampleRate}: the detector's settings fit to the clips the model was trained on,
     * the energy detector, each utterance handed to {@code listener} as it ends.
     */
    public StreamingSession openStream(int sampleRate, Consumer<Utterance> listener) {
        return new StreamingSession(clips, sampleRate, UtteranceFraming.defaultsFor(clips.bundle()),
                streamMinConfidence(), listener);
    }

    /** What a user of the bundle should be told (contents that cannot be verified, another extractor revision). */
    public List<String> warnings() {
        return clips.bundle().warnings();
    }

    /** The labels the model tells apart, in its order. */
    public List<String> labels() {
        return clips.bundle().labels();
    }

    /** The model bundle, for what it records (extractor, provenance, training data). */
    public ModelBundle bundle() {
        return clips.bundle();
    }

    /** The recognizer of single recordings streams and servers share. */
    public ClipRecognizer clips() {
        return clips;
    }

    /** Releases the recognizer (the plugins' native sessions live as long as the JVM; nothing else is held). */
    @Override
    public void close() {
        // nothing to release today: extractors and models hold no per-recognizer resources
    }
}
