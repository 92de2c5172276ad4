package dev.digits.api.plugin;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.features.Features;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.util.List;

/** Plugins registered in this module's test META-INF/services. */
public final class TestPlugins {
    private TestPlugins() {
    }

    /** An extractor that returns the clip's length. */
    public static class Good implements FeatureExtractorProvider {
        @Override
        public String name() {
            return "good";
        }

        @Override
        public String description() {
            return "length of the clip";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.integer("scale", 1, 1, 10, "multiplier"));
        }

        @Override
        public FeatureExtractor create(Parameters p) {
            return new FeatureExtractor() {
                @Override
                public String name() {
                    return "good";
                }

                @Override
                public Parameters parameters() {
                    return p;
                }

                @Override
                public Features extract(AudioClip clip) {
                    return Features.vector(new float[] {clip.length() * p.getInt("scale")});
                }

                @Override
                public boolean producesMatrix() {
                    return false;
                }
            };
        }
    }

    public static class ThrowsInConstructor extends Good {
        public ThrowsInConstructor() {
            throw new IllegalStateException("constructor exploded");
        }
    }

    public static class NativeFails extends Good {
        @Override
        public String name() {
            return "native";
        }

        @Override
        public void checkAvailable() {
            throw new UnsatisfiedLinkError("no jnifoo in java.library.path");
        }
    }
}
