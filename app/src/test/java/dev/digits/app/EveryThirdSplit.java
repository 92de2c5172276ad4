package dev.digits.app;

import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;
import dev.digits.core.dataset.CorpusEntry;
import dev.digits.core.dataset.Fold;
import dev.digits.core.dataset.SplitProtocol;
import dev.digits.core.dataset.SplitProtocolProvider;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** A split protocol as a plugin author adds one: one class (and a line in META-INF/services). */
public final class EveryThirdSplit implements SplitProtocolProvider {
    @Override
    public String name() {
        return "every-third";
    }

    @Override
    public String description() {
        return "every third clip, from an offset, is a test clip";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("offset", 0, 0, 2, "the first test clip"));
    }

    @Override
    public SplitProtocol create(Parameters parameters) {
        int offset = parameters.getInt("offset");
        return new SplitProtocol() {
            @Override
            public String type() {
                return "every-third";
            }

            @Override
            public Map<String, Object> settings() {
                return Map.of("offset", offset);
            }

            @Override
            public List<Fold> folds(List<CorpusEntry> entries) {
                int[] test = IntStream.range(0, entries.size()).filter(i -> i % 3 == offset).toArray();
                int[] train = IntStream.range(0, entries.size()).filter(i -> i % 3 != offset).toArray();
                return List.of(new Fold("every-third", train, test));
            }
        };
    }
}
