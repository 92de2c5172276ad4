package dev.digits.features.mfcc;

import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.util.List;
import java.util.Map;

/** Plugin {@code mfcc-librosa}: librosa-exact MFCCs (40 coefficients by default, as the notebook used). */
public final class LibrosaMfccProvider implements FeatureExtractorProvider {

    @Override
    public String name() {
        return LibrosaMfcc.NAME;
    }

    @Override
    public String description() {
        return "MFCC matching librosa.feature.mfcc (0.10/0.11 defaults), with a soxr-HQ-like resampler";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return LibrosaParameters.mfcc();
    }

    @Override
    public FeatureExtractor create(Parameters parameters) {
        return new LibrosaMfcc(parameters);
    }
}
