package org.example.digits;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.features.Features;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.util.List;

/**
 * Example extractor {@code energy-zcr}: splits a clip into {@code segments} equal parts and gives, for each, the
 * log energy and the zero-crossing rate: a {@code 2 x segments}-value vector. Crude, but it shows every part
 * of the contract: a name, typed parameters with defaults, and a thread-safe extractor.
 */
public final class EnergyZcrProvider implements FeatureExtractorProvider {

    @Override
    public String name() {
        return "energy-zcr";
    }

    @Override
    public String description() {
        return "example plugin: log energy and zero-crossing rate of equal segments";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("segments", 8, 1, 100, "equal parts of the clip"));
    }

    @Override
    public FeatureExtractor create(Parameters parameters) {
        int segments = parameters.getInt("segments");
        return new FeatureExtractor() {
            @Override
            public String name() {
                return "energy-zcr";
            }

            @Override
            public Parameters parameters() {
                return parameters;
            }

            @Override
            public boolean producesMatrix() {
                return false;
            }

            @Override
            public Features extract(AudioClip clip) {
                float[] x = clip.samples();
                float[] out = new float[2 * segments];
                for (int s = 0; s < segments; s++) {
                    int from = (int) ((long) x.length * s / segments);
                    int to = Math.max(from + 1, (int) ((long) x.length * (s + 1) / segments));
                    double energy = 0;
                    int crossings = 0;
                    for (int i = from; i < Math.min(to, x.length); i++) {
                        energy += x[i] * x[i];
                        if (i > from && (x[i] >= 0) != (x[i - 1] >= 0)) {
                            crossings++;
                        }
                    }
                    out[s] = (float) Math.log10(1e-10 + energy / (to - from));
                    out[segments + s] = crossings / (float) (to - from);
                }
                return Features.vector(out);
            }
        };
    }
}
