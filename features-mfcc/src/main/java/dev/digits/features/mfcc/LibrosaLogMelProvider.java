package dev.digits.features.mfcc;

import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plugin {@code logmel-librosa}: a librosa-compatible log-mel spectrogram in dB. */
public final class LibrosaLogMelProvider implements FeatureExtractorProvider {

    @Override
    public String name() {
        return LibrosaLogMel.NAME;
    }

    @Override
    public String description() {
        return "log-mel spectrogram in dB matching librosa.power_to_db(librosa.feature.melspectrogram(...))";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> all = new ArrayList<>(LibrosaParameters.melSpectrogram());
        all.addAll(LibrosaParameters.output());
        return all;
    }

    @Override
    public FeatureExtractor create(Parameters parameters) {
        return new LibrosaLogMel(parameters);
    }
}
