package dev.digits.experiment.loading;

import dev.digits.api.augment.Augmentation;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.params.NameSuggestions;
import dev.digits.api.plugin.Plugin;
import dev.digits.api.plugin.PluginRegistry;
import dev.digits.core.dataset.CorpusLayout;
import dev.digits.core.dataset.KnownDataset;
import dev.digits.core.dataset.SplitProtocol;
import dev.digits.core.dataset.SplitProtocolProvider;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.config.ConfigValues;
import dev.digits.experiment.config.EngineSettings;
import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.experiment.config.ExperimentConfig.AugmentationConfig;
import dev.digits.experiment.config.ExperimentConfig.AugmentationStep;
import dev.digits.experiment.config.ExperimentConfig.ConditionConfig;
import dev.digits.experiment.config.ExperimentConfig.DatasetRef;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.experiment.config.ExperimentConfig.ProtocolConfig;
import dev.digits.experiment.loading.ExperimentFile.AugmentationSection;
import dev.digits.experiment.loading.ExperimentFile.ConditionSection;
import dev.digits.experiment.loading.ExperimentFile.DatasetSection;
import dev.digits.experiment.loading.ExperimentFile.ExtractorSection;
import dev.digits.experiment.loading.ExperimentFile.ModelSection;
import dev.digits.recognition.ensemble.SeedEnsemble;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Gives a bound {@link ExperimentFile} its meaning, once: required keys and ranges, the dataset, and every plugin it
 * names resolved and built with its parameters (checked by the plugin's parameter specs): the protocol, extractors,
 * model specs, augmentation steps and engine. Problems name their lines; all of them are collected.
 */
final class ExperimentResolver {
    private final Plugins plugins;
    private final Set<String> addableEngines;
    private final YamlBinder binder;
    private final Problems problems;

    ExperimentResolver(Plugins plugins, Set<String> addableEngines, YamlBinder binder, Problems problems) {
        this.plugins = plugins;
        this.addableEngines = addableEngines;
        this.binder = binder;
        this.problems = problems;
    }

    /** The configuration, or {@code null} when the file has problems (then listed in {@code problems}). */
    ExperimentConfig resolve(ExperimentFile f, Path source) {
        if (f.name() == null && !binder.has(f, "name")) {
            problems.add(null, "missing name");
        } else if (f.name() != null && !f.name().matches("[A-Za-z0-9._-]+")) {
            problems.add(binder.node(f, "name"), "name must use only letters, digits, '.', '_' and '-', got '" + f.name() + "'");
        }
        DatasetRef dataset = dataset(f.dataset(), binder.has(f, "dataset"), source);
        ProtocolConfig protocol = protocol(f.protocol());
        List<Long> seeds = seeds(f);
        List<ExtractorConfig> extractors = items(f.extractors(), binder.node(f, "extractors"), "extractors",
                "[{id: librosa-mean, type: mfcc-librosa, params: {pooling: mean}}]", this::extractor, ExtractorConfig::id);
        List<ModelConfig> models = items(f.models(), binder.node(f, "models"), "models",
                "[{id: dl4j-mlp, backend: dl4j, spec: {type: mlp}}]", this::model, ModelConfig::id);
        List<AugmentationConfig> augmentations = binder.has(f, "augmentations") ? items(f.augmentations(),
                binder.node(f, "augmentations"), "augmentations",
                "[{id: none}, {id: speed, copies: 2, steps: [{type: speed, factor: [0.9, 1.1]}]}]", this::augmentation,
                AugmentationConfig::id) : List.of(AugmentationConfig.NONE);
        List<ConditionConfig> conditions = conditions(f.testConditions());
        EngineSettings engine = engine(f.engine());
        if (!problems.isEmpty()) {
            return null;
        }
        return new ExperimentConfig(f.name(), f.description(), dataset, protocol, seeds, extractors, models,
                augmentations, conditions, f.cache() == null || f.cache(), engine, source);
    }

    private DatasetRef dataset(DatasetSection d, boolean given, Path source) {
        if (d == null) {
            if (!given) {
                problems.add(null, "missing key 'dataset' (for example dataset: {name: fsdd})");
            }
            return null;
        }
        if ((d.name() == null) == (d.path() == null)) {
            problems.add(binder.node(d), "dataset needs exactly one of name (such as fsdd) or path");
        }
        if (d.name() != null && KnownDataset.find(d.name()).isEmpty()) {
            problems.add(binder.node(d, "name"), "unknown dataset name '" + d.name() + "'"
                    + NameSuggestions.didYouMean(d.name(), KnownDataset.NAMES)
                    + "; known: " + String.join(", ", KnownDataset.NAMES) + " (or give path: DIR)");
        }
        if (d.layout() != null) {
            check(binder.node(d, "layout"), "", () -> CorpusLayout.byId(d.layout()));
        }
        List<String> extra = d.extraTraining() == null ? List.of() : d.extraTraining();
        for (String folder : extra) {
            if (!DatasetRef.resolvable(folder, source)) {
                problems.add(binder.node(d, "extraTraining"), "dataset.extraTraining folder '" + folder + "' does not "
                        + "exist and is no known dataset (relative paths are read from the working directory, then from "
                        + "the experiment file's folder; known datasets: " + String.join(", ", KnownDataset.NAMES)
                        + "; synthetic voices are made with: ./digits data synth --out " + folder + ")");
            }
        }
        List<String> include = d.include() == null ? List.of() : d.include();
        for (String folder : include) {
            if (!DatasetRef.resolvable(folder, source)) {
                problems.add(binder.node(d, "include"), "dataset.include '" + folder + "' is neither a folder nor a known "
                        + "dataset" + NameSuggestions.didYouMean(folder, KnownDataset.NAMES) + " (known: "
                        + String.join(", ", KnownDataset.NAMES) + ")");
            }
        }
        return new DatasetRef(d.name(), d.path(), d.layout(), extra, include, Boolean.TRUE.equals(d.otherWords()));
    }

    /** {@code protocol: {type: NAME, ...settings}}: a split-protocol plugin and its parameters; absent: official. */
    private ProtocolConfig protocol(ConfigValues written) {
        PluginRegistry<SplitProtocolProvider> registry = plugins.protocols();
        if (written == null) {
            return new ProtocolConfig("official", ConfigValues.NONE, registry.get("official").create(Map.of()));
        }
        Node node = binder.node(written);
        String type = type(written, "protocol.type");
        SplitProtocolProvider provider = type == null ? null : plugin(registry, "", "protocol", type, binder.node(written, "type"));
        if (provider == null) {
            return new ProtocolConfig(type, written.without("type"), null);
        }
        List<String> allowed = new ArrayList<>(List.of("type"));
        provider.parameters().forEach(spec -> allowed.add(spec.name()));
        binder.keys(node, allowed, "protocol.");
        ConfigValues settings = written.without("type");
        SplitProtocol protocol = check(node, "", () -> provider.create(settings.asMap()));
        return new ProtocolConfig(type, settings, protocol);
    }

    private List<Long> seeds(ExperimentFile f) {
        if (!binder.has(f, "seeds")) {
            return List.of(42L);
        }
        Node node = binder.node(f, "seeds");
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(node, "seeds must be a non-empty list of integers, such as [1, 2, 3]");
            return List.of();
        }
        return f.seeds() == null ? List.of() : f.seeds();
    }

    private ExtractorConfig extractor(ExtractorSection e) {
        String type = required(e.type(), e, "type", "extractor type");
        String id = e.id() != null ? e.id() : type;
        ConfigValues params = e.params() == null ? ConfigValues.NONE : e.params();
        FeatureExtractorProvider provider = type == null ? null
                : plugin(plugins.extractors(), "", "extractor", type, binder.node(e, "type"));
        FeatureExtractor extractor = provider == null ? null
                : check(at(e, "params"), "", () -> provider.create(params.asMap()));
        return new ExtractorConfig(id, type, params, extractor);
    }

    private ModelConfig model(ModelSection m) {
        String backend = required(m.backend(), m, "backend", "model backend");
        ConfigValues written = m.spec() == null ? ConfigValues.NONE : m.spec();
        Object typeValue = written.get("type");
        String type = typeValue == null ? null : typeValue.toString();
        if (type == null) {
            problems.add(at(m, "spec"), "spec needs a type, such as spec: {type: mlp}");
        }
        String id = m.id() != null ? m.id() : backend + "-" + type;
        int ensemble = range(m.ensemble(), at(m, "ensemble"), "ensemble", 1, 1, 50);
        ConfigValues spec = written.without("type");
        // checks the spec without loading native libraries: availability is checked when it runs
        ClassifierProvider provider = backend == null || type == null ? null
                : plugin(plugins.backends(), "", "backend", backend, binder.node(m, "backend"));
        ModelSpec resolved = null;
        if (provider != null) {
            resolved = check(at(m, "spec"), "", () -> provider.spec(type, spec.asMap()));
            check(binder.node(m, "ensemble"), "", () -> {
                SeedEnsemble.checkMembers(provider, type, ensemble);
                return ensemble;
            });
        }
        return new ModelConfig(id, backend, type, spec, ensemble, resolved);
    }

    /** {@code {id, copies, seed, steps: [{type, probability, ...params}]}}, or {@code {id: none}}. */
    private AugmentationConfig augmentation(AugmentationSection a) {
        String id = required(a.id(), a, "id", "augmentation id");
        if ("none".equals(id)) {
            if (binder.has(a, "steps") || binder.has(a, "copies")) {
                problems.add(binder.node(a), "the augmentation id 'none' means no augmentation; give it no steps or copies");
            }
            return AugmentationConfig.NONE;
        }
        long seed = a.seed() == null ? 1 : a.seed();
        int copies = range(a.copies(), at(a, "copies"), "copies", 1, 1, 100);
        return new AugmentationConfig(id, copies, seed, steps(a.steps(), a, "augmentation '" + id + "'"));
    }

    /** {@code testConditions: [{id, seed, steps}]}: extra evaluations on transformed test clips. */
    private List<ConditionConfig> conditions(List<ConditionSection> sections) {
        List<ConditionConfig> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConditionSection c : sections == null ? List.<ConditionSection>of() : sections) {
            String id = required(c.id(), c, "id", "test condition id");
            if (id != null && (!ids.add(id) || id.equals("clean"))) {
                problems.add(binder.node(c), "test condition id '" + id + "' is used twice (clean is the untouched test set)");
            }
            List<AugmentationStep> steps = steps(c.steps(), c, "test condition '" + id + "'");
            if (steps.stream().anyMatch(s -> s.probability() != 1.0)) {
                problems.add(binder.node(c), "test condition '" + id + "': steps apply to every test clip; drop probability");
            }
            out.add(new ConditionConfig(id, c.seed() == null ? 1 : c.seed(), steps));
        }
        return out;
    }

    private List<AugmentationStep> steps(List<ConfigValues> written, Object owner, String what) {
        List<AugmentationStep> out = new ArrayList<>();
        Node listNode = binder.node(owner, "steps");
        if (!(listNode instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(listNode == null ? binder.node(owner) : listNode,
                    what + " needs steps: a non-empty list such as [{type: noise, snr: [10, 30]}]");
            return out;
        }
        PluginRegistry<AugmentationProvider> registry = plugins.augmentations();
        for (ConfigValues raw : written == null ? List.<ConfigValues>of() : written) {
            Node item = binder.node(raw);
            Object p = raw.get("probability");
            double probability = 1.0;
            if (p != null) {
                if (p instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
                    probability = n.doubleValue();
                } else {
                    problems.add(item, what + ": probability must be a number between 0 and 1, got '" + p + "'");
                }
            }
            if (!(raw.get("type") instanceof String t) || t.isBlank()) {
                problems.add(item, what + ": each step needs a type; available: " + String.join(", ", registry.names()));
                continue;
            }
            ConfigValues params = raw.without("type").without("probability");
            AugmentationProvider provider = plugin(registry, what + ": ", "augmentation", t, item);
            Augmentation made = provider == null ? null : check(item, what + ": ", () -> provider.create(params.asMap()));
            out.add(new AugmentationStep(t, probability, params, made));
        }
        return out;
    }

    /** {@code engine: spark} or {@code engine: {type: spark, master: "local[2]"}}; absent means local. */
    private EngineSettings engine(ConfigValues written) {
        if (written == null || written.isEmpty()) {
            return EngineSettings.LOCAL;
        }
        String type = type(written, "engine.type (local or spark)");
        if (type == null) {
            return EngineSettings.LOCAL;
        }
        String unknown = ExperimentLoader.unknownEngine(plugins, type);
        if (unknown != null && addableEngines.contains(type) && plugins.engines().entry(type).isEmpty()) {
            return new EngineSettings(type, written.without("type")); // checked once the launcher has added it
        }
        if (unknown != null) {
            problems.add(binder.node(written, "type"), unknown);
            return new EngineSettings(type, ConfigValues.NONE);
        }
        List<String> allowed = new ArrayList<>(List.of("type"));
        allowed.addAll(plugins.engines().get(type).settingNames());
        if (written.names().size() > 1 || !written.has("type")) {
            binder.keys(binder.node(written), allowed, "engine.");
        }
        EngineSettings result = new EngineSettings(type, written.without("type"));
        plugins.engines().get(type).check(result).forEach(p -> problems.add(binder.node(written), p));
        return result;
    }

    /** The {@code type} of a plugin's values, or {@code null} with a problem. */
    private String type(ConfigValues written, String what) {
        Object v = written.get("type");
        if (v instanceof String s && !s.isBlank()) {
            return s;
        }
        problems.add(written.has("type") ? binder.node(written, "type") : binder.node(written),
                written.has("type") ? what + " must be a non-empty string, got '" + v + "'" : "missing " + what);
        return null;
    }

    /** A required value, or {@code null} with "missing WHAT" when its key is absent (the binder said what else). */
    private String required(String value, Object bound, String key, String what) {
        if (value == null && !binder.has(bound, key)) {
            problems.add(binder.node(bound), "missing " + what);
        }
        return value;
    }

    /** A whole number within [min, max] (its default when absent), or the default with a problem. */
    private int range(Integer value, Node node, String what, int dflt, int min, int max) {
        if (value == null) {
            return dflt;
        }
        if (value < min || value > max) {
            problems.add(node, what + " must be an integer from " + min + " to " + max + ", got '" + value + "'");
            return dflt;
        }
        return value;
    }

    /** The value node of {@code key}, else the node of the mapping it would be in. */
    private Node at(Object bound, String key) {
        Node n = binder.node(bound, key);
        return n != null ? n : binder.node(bound);
    }

    /**
     * Each item of a non-empty list resolved, ids different; a missing or empty list is one problem with an example.
     */
    private <S, T> List<T> items(List<S> sections, Node node, String what, String example, Function<S, T> resolver,
                                 Function<T, String> idOf) {
        List<T> out = new ArrayList<>();
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            if (node == null || node instanceof SequenceNode) {
                problems.add(node, what + " must be a non-empty list, such as " + example);
            }
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (S section : sections == null ? List.<S>of() : sections) {
            T item = resolver.apply(section);
            String id = idOf.apply(item);
            if (id != null && !ids.add(id)) {
                problems.add(binder.node(section), "two " + what + " have the id '" + id + "'");
            }
            out.add(item);
        }
        return out;
    }

    /**
     * The plugin {@code name} of a registry, or {@code null} with a problem at {@code node}: unknown (with the
     * closest names and the available ones) or failed to load. Native libraries are not loaded here.
     */
    private <P extends Plugin> P plugin(PluginRegistry<P> registry, String prefix, String kind, String name, Node node) {
        var entry = registry.entry(name);
        if (entry.isEmpty()) {
            problems.add(node, prefix + "unknown " + kind + " '" + name + "'" + NameSuggestions.didYouMean(name,
                    registry.names()) + "; available: " + String.join(", ", registry.names()));
            return null;
        }
        if (entry.get().plugin().isEmpty()) {
            problems.add(node, prefix + kind + " '" + name + "' failed to load: " + entry.get().status().reason());
            return null;
        }
        return entry.get().plugin().get();
    }

    /** Builds something from checked values, or records why not at {@code node} and gives {@code null}. */
    private <T> T check(Node node, String prefix, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (RuntimeException e) {
            problems.add(node, prefix + e.getMessage());
            return null;
        }
    }
}
