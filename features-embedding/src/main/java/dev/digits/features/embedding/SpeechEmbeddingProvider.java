package dev.digits.features.embedding;

import ai.onnxruntime.OrtEnvironment;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.params.ParameterException;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code speech-embedding}: a pre-trained speech model (Google's speech_embedding) as a frozen extractor. */
public final class SpeechEmbeddingProvider implements FeatureExtractorProvider {
    public static final String NAME = "speech-embedding";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "embeddings of a pre-trained speech model (speech_embedding, ONNX): 96-d per 0.775 s window, pooled";
    }

    @Override
    public void checkAvailable() {
        OrtEnvironment.getEnvironment(); // loads ONNX Runtime's native library
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.number("window", 1.76, 0.8, 10, "seconds of audio the model sees; the clip is centred "
                        + "in it (longer clips are cut)"),
                ParameterSpec.number("trim_db", 40.0, 0, 200, "cut leading/trailing audio quieter than this many dB "
                        + "below the loudest 20 ms frame (0: keep all)"),
                ParameterSpec.choice("normalize", "peak", List.of("peak", "none"), "peak: scale the clip's peak to "
                        + "half of full scale; none: keep its level"),
                ParameterSpec.number("noise", 3.0, 0, 1000, "standard deviation of the fixed faint noise added under "
                        + "the clip, in int16 units"),
                ParameterSpec.integer("step", 8, 1, 76, "mel frames (10 ms each) between embedding windows"),
                ParameterSpec.choice("pooling", "mean-max", List.of("mean-max", "mean", "max", "flatten", "none"),
                        "mean-max: mean and max over windows (192-d); flatten: every window; none: [96 x windows]"),
                ParameterSpec.string("models", "auto", "folder holding melspectrogram.onnx and embedding_model.onnx "
                        + "(auto: installed on first use, verified)"));
    }

    @Override
    public Map<String, Object> withFilesIn(Map<String, Object> resolved, Path folder) {
        Map<String, Object> p = new LinkedHashMap<>(resolved);
        p.put("models", folder.toString());
        return p;
    }

    @Override
    public FeatureExtractor create(Parameters parameters) {
        String models = parameters.getString("models");
        Path folder;
        try {
            folder = models.equals("auto") ? SpeechModelFiles.installed(null) : Path.of(models);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        if (!SpeechEmbeddingModel.present(folder)) {
            throw new ParameterException(NAME + ": models: " + folder + " holds no " + SpeechModelFiles.MEL + " and "
                    + SpeechModelFiles.EMBEDDING);
        }
        try {
            return new SpeechEmbeddingExtractor(parameters, folder, SpeechEmbeddingModel.in(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
