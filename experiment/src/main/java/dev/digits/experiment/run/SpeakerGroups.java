package dev.digits.experiment.run;

import dev.digits.core.dataset.CorpusEntry;
import dev.digits.experiment.config.ExperimentConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The speaker group of a clip, for figures by group: the dataset it came from (the experiment's dataset, or an
 * {@code include} or {@code extraTraining} entry, by the name the experiment gives it).
 */
final class SpeakerGroups {
    private final Map<Path, String> roots = new LinkedHashMap<>();

    private SpeakerGroups() {
    }

    /** The groups of an experiment whose dataset is at {@code root}. */
    static SpeakerGroups of(ExperimentConfig config, Path root) throws IOException {
        SpeakerGroups g = new SpeakerGroups();
        ExperimentConfig.DatasetRef d = config.dataset();
        for (String source : d.include()) {
            g.roots.put(normal(ExperimentConfig.DatasetRef.source(source, config.source())), source);
        }
        for (String source : d.extraTraining()) {
            g.roots.put(normal(ExperimentConfig.DatasetRef.source(source, config.source())), source);
        }
        g.roots.put(normal(root), d.name() != null ? d.name() : String.valueOf(root.getFileName()));
        return g;
    }

    /** The groups of {@code entries}, in order. */
    String[] of(List<CorpusEntry> entries) {
        String[] out = new String[entries.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(entries.get(i));
        }
        return out;
    }

    private String of(CorpusEntry e) {
        Path p = normal(e.path());
        for (Map.Entry<Path, String> r : roots.entrySet()) {
            if (p.startsWith(r.getKey())) {
                return r.getValue();
            }
        }
        return "other";
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
