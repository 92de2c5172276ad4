package dev.digits.experiment.loading;

import dev.digits.experiment.config.ConfigException;
import dev.digits.experiment.config.ConfigValues;
import dev.digits.experiment.config.ExperimentConfig;

import dev.digits.core.dataset.KnownDataset;

import dev.digits.experiment.Plugins;
import dev.digits.experiment.engine.EngineProvider;
import dev.digits.experiment.config.EngineSettings;
import dev.digits.experiment.config.ExperimentConfig.AugmentationConfig;
import dev.digits.experiment.config.ExperimentConfig.AugmentationStep;
import dev.digits.experiment.config.ExperimentConfig.ConditionConfig;
import dev.digits.experiment.config.ExperimentConfig.DatasetRef;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.experiment.config.ExperimentConfig.ProtocolConfig;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.recognition.ensemble.SeedEnsemble;
import dev.digits.api.params.NameSuggestions;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.plugin.Plugin;
import dev.digits.api.plugin.PluginRegistry;
import dev.digits.core.dataset.SplitProtocol;
import dev.digits.core.dataset.SplitProtocolProvider;
import dev.digits.core.dataset.CorpusLayout;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads and validates an experiment YAML file before anything runs: unknown keys get a "did you mean",
 * unknown plugins list the available ones, wrong types and invalid parameters name the line. All problems are
 * reported at once.
 */
public final class ExperimentLoader {
    static final List<String> TOP_KEYS = List.of("name", "description", "dataset", "protocol", "seeds", "extractors",
            "models", "augmentations", "testConditions", "cache", "engine");

    /** Experiment files are a few KB; anything past this is refused before parsing. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private final Plugins plugins;

    public ExperimentLoader(Plugins plugins) {
        this.plugins = plugins;
    }

    public ExperimentConfig load(Path file) throws IOException, ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new ConfigException(file.toString(), List.of(String.format(Locale.ROOT, "%.1f MB is too large for an "
                    + "experiment file (at most %d KB); is this the right file?", size / 1e6, MAX_FILE_BYTES / 1024)));
        }
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        String text;
        try {
            text = utf8.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file.toString(), List.of("not a text file: byte " + in.position()
                    + " is not UTF-8 (an experiment file is YAML text)"));
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new ConfigException(file.toString(), List.of("not a text file: it holds a NUL byte (line "
                    + (text.substring(0, nul).chars().filter(ch -> ch == '\n').count() + 1)
                    + "; an experiment file is YAML text)"));
        }
        return parse(text, file);
    }

    public ExperimentConfig parse(String yaml, Path source) throws ConfigException {
        String where = source.toString();
        Node root;
        try (Reader r = new StringReader(yaml)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (MarkedYAMLException e) {
            throw new ConfigException(where, List.of("line " + (e.getProblemMark().getLine() + 1) + ": not valid YAML: "
                    + e.getProblem()));
        } catch (YAMLException | IOException e) {
            throw new ConfigException(where, List.of("not valid YAML: " + e.getMessage()));
        }
        Problems problems = new Problems();
        if (!(root instanceof MappingNode top)) {
            throw new ConfigException(where, List.of("the file must be a mapping with keys " + TOP_KEYS));
        }
        Map<String, Node> keys = mapping(top, TOP_KEYS, "", problems);
        String name = string(keys.get("name"), "name", problems, true);
        if (name != null && !name.matches("[A-Za-z0-9._-]+")) {
            problems.add(keys.get("name"), "name must use only letters, digits, '.', '_' and '-', got '" + name + "'");
        }
        String description = string(keys.get("description"), "description", problems, false);
        DatasetRef dataset = dataset(keys.get("dataset"), source, problems);
        ProtocolConfig protocol = protocol(keys.get("protocol"), problems);
        List<Long> seeds = seeds(keys.get("seeds"), problems);
        List<ExtractorConfig> extractors = extractors(keys.get("extractors"), problems);
        List<ModelConfig> models = models(keys.get("models"), problems);
        List<AugmentationConfig> augmentations = augmentations(keys.get("augmentations"), problems);
        List<ConditionConfig> conditions = conditions(keys.get("testConditions"), problems);
        Object cacheValue = keys.containsKey("cache") ? value(keys.get("cache")) : Boolean.TRUE;
        if (!(cacheValue instanceof Boolean)) {
            problems.add(keys.get("cache"), "cache must be true or false");
        }
        EngineSettings engine = engine(keys.get("engine"), problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(where, problems.list);
        }
        return new ExperimentConfig(name, description, dataset, protocol, seeds, extractors, models, augmentations,
                conditions, Boolean.TRUE.equals(cacheValue), engine, source);
    }

    /** {@code engine: spark} or {@code engine: {type: spark, master: "local[2]"}}; absent means local. */
    private EngineSettings engine(Node node, Problems problems) {
        if (node == null) {
            return EngineSettings.LOCAL;
        }
        Node typeNode = node;
        if (node instanceof MappingNode m) {
            typeNode = m.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("type"))
                    .map(NodeTuple::getValueNode).findFirst().orElse(null);
        }
        String type = string(typeNode, "engine.type (local or spark)", problems, true);
        if (type == null) {
            return EngineSettings.LOCAL;
        }
        String unknown = unknownEngine(plugins, type);
        ConfigValues settings = ConfigValues.NONE;
        if (unknown != null) {
            problems.add(typeNode, unknown);
        } else if (node instanceof MappingNode) {
            List<String> allowed = new ArrayList<>(List.of("type"));
            allowed.addAll(plugins.engines().get(type).settingNames());
            settings = values(mapping(node, allowed, "engine.", problems)).without("type");
        }
        EngineSettings result = new EngineSettings(type, settings);
        if (unknown == null) {
            plugins.engines().get(type).check(result).forEach(p -> problems.add(node, p));
        }
        return result;
    }

    /**
     * Problems with an engine chosen on the command line: unknown or unavailable engine, unknown settings
     * ("did you mean"), invalid values.
     */
    public static List<String> checkEngine(Plugins plugins, EngineSettings settings) {
        String unknown = unknownEngine(plugins, settings.type());
        if (unknown != null) {
            return List.of(unknown);
        }
        EngineProvider provider = plugins.engines().get(settings.type());
        List<String> problems = new ArrayList<>();
        for (String key : settings.settings().names()) {
            if (!provider.settingNames().contains(key)) {
                problems.add("engine " + settings.type() + " has no setting '" + key + "'"
                        + NameSuggestions.didYouMean(key, provider.settingNames()) + "; known: "
                        + String.join(", ", provider.settingNames()));
            }
        }
        problems.addAll(provider.check(settings));
        return problems;
    }

    private static String unknownEngine(Plugins plugins, String type) {
        var entry = plugins.engines().entry(type);
        if (entry.isPresent() && entry.get().plugin().isPresent()) {
            return null;
        }
        String hint = type.equals("spark") ? " (the spark engine is the engine-spark module: ./digits adds it when the "
                + "command line or the file asks for it; on your own class path add digits-engine-spark)" : "";
        return (entry.isPresent() ? "engine '" + type + "' failed to load: " + entry.get().status().reason()
                : "unknown engine '" + type + "'" + NameSuggestions.didYouMean(type, plugins.engines().names())
                + "; available: " + String.join(", ", plugins.engines().names())) + hint;
    }

    private DatasetRef dataset(Node node, Path source, Problems problems) {
        if (node == null) {
            problems.add(null, "missing key 'dataset' (for example dataset: {name: fsdd})");
            return null;
        }
        Map<String, Node> m = mapping(node, List.of("name", "path", "layout", "extraTraining"), "dataset.", problems);
        String name = string(m.get("name"), "dataset.name", problems, false);
        String path = string(m.get("path"), "dataset.path", problems, false);
        String layout = string(m.get("layout"), "dataset.layout", problems, false);
        if ((name == null) == (path == null)) {
            problems.add(node, "dataset needs exactly one of name (such as fsdd) or path");
        }
        if (name != null && KnownDataset.find(name).isEmpty()) {
            problems.add(m.get("name"), "unknown dataset name '" + name + "'"
                    + NameSuggestions.didYouMean(name, KnownDataset.NAMES)
                    + "; known: " + String.join(", ", KnownDataset.NAMES) + " (or give path: DIR)");
        }
        if (layout != null) {
            try {
                CorpusLayout.byId(layout);
            } catch (IllegalArgumentException e) {
                problems.add(m.get("layout"), e.getMessage());
            }
        }
        return new DatasetRef(name, path, layout, extraTraining(m.get("extraTraining"), source, problems));
    }

    /** {@code extraTraining: DIR} or a list of folders; each must exist (relative paths: see DatasetRef.folder). */
    private static List<String> extraTraining(Node node, Path source, Problems problems) {
        if (node == null) {
            return List.of();
        }
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        List<String> folders = new ArrayList<>();
        for (Node n : items) {
            String folder = string(n, "dataset.extraTraining (a folder, or a list of folders)", problems, true);
            if (folder == null) {
                continue;
            }
            if (!Files.isDirectory(DatasetRef.folder(folder, source))) {
                problems.add(n, "dataset.extraTraining folder '" + folder + "' does not exist (relative paths are read "
                        + "from the working directory, then from the experiment file's folder; synthetic voices are "
                        + "made with: ./digits data synth --out " + folder + ")");
            }
            folders.add(folder);
        }
        return folders;
    }

    /** {@code protocol: {type: NAME, ...settings}}: a split-protocol plugin and its parameters; absent: official. */
    private ProtocolConfig protocol(Node node, Problems problems) {
        PluginRegistry<SplitProtocolProvider> registry = plugins.protocols();
        if (node == null) {
            return new ProtocolConfig("official", ConfigValues.NONE, registry.get("official").create(Map.of()));
        }
        Node typeNode = node instanceof MappingNode m ? m.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("type"))
                .map(NodeTuple::getValueNode).findFirst().orElse(null) : null;
        String type = string(typeNode, "protocol.type", problems, true);
        SplitProtocolProvider provider = type == null ? null : plugin(registry, "protocol", type, typeNode, problems);
        List<String> allowed = new ArrayList<>(List.of("type"));
        if (provider != null) {
            provider.parameters().forEach(spec -> allowed.add(spec.name()));
        }
        ConfigValues settings = values(mapping(node, allowed, "protocol.", problems)).without("type");
        SplitProtocol protocol = provider == null ? null : build(node, "", problems, () -> provider.create(settings.asMap()));
        return new ProtocolConfig(type, settings, protocol);
    }

    private List<Long> seeds(Node node, Problems problems) {
        if (node == null) {
            return List.of(42L);
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(node, "seeds must be a non-empty list of integers, such as [1, 2, 3]");
            return List.of();
        }
        List<Long> seeds = new ArrayList<>();
        for (Node n : seq.getValue()) {
            Object v = value(n);
            if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
                seeds.add(num.longValue());
            } else {
                problems.add(n, "seeds must be integers, got '" + v + "'");
            }
        }
        return seeds;
    }

    private List<ExtractorConfig> extractors(Node node, Problems problems) {
        return items(node, "extractors", "[{id: librosa-mean, type: mfcc-librosa, params: {pooling: mean}}]",
                List.of("id", "type", "params"), problems, ExtractorConfig::id, (item, m) -> {
                    String type = string(m.get("type"), "extractor type", problems, true);
                    String id = m.containsKey("id") ? string(m.get("id"), "extractor id", problems, true) : type;
                    ConfigValues params = m.containsKey("params") ? map(m.get("params"), "params", problems) : ConfigValues.NONE;
                    FeatureExtractorProvider provider = type == null ? null
                            : plugin(plugins.extractors(), "extractor", type, m.get("type"), problems);
                    FeatureExtractor extractor = provider == null ? null
                            : build(m.getOrDefault("params", item), "", problems, () -> provider.create(params.asMap()));
                    return new ExtractorConfig(id, type, params, extractor);
                });
    }

    private List<ModelConfig> models(Node node, Problems problems) {
        return items(node, "models", "[{id: dl4j-mlp, backend: dl4j, spec: {type: mlp}}]",
                List.of("id", "backend", "spec", "ensemble"), problems, ModelConfig::id, (item, m) -> {
                    String backend = string(m.get("backend"), "model backend", problems, true);
                    ConfigValues written = m.containsKey("spec") ? map(m.get("spec"), "spec", problems) : ConfigValues.NONE;
                    Object typeValue = written.get("type");
                    ConfigValues spec = written.without("type");
                    String type = typeValue == null ? null : typeValue.toString();
                    if (type == null) {
                        problems.add(m.getOrDefault("spec", item), "spec needs a type, such as spec: {type: mlp}");
                    }
                    String id = m.containsKey("id") ? string(m.get("id"), "model id", problems, true) : backend + "-" + type;
                    int ensemble = (int) integer(m.get("ensemble"), "ensemble", 1, 1, 50, problems);
                    // validates the spec without loading native libraries: availability is checked when it runs
                    ClassifierProvider provider = backend == null || type == null ? null
                            : plugin(plugins.backends(), "backend", backend, m.get("backend"), problems);
                    if (provider != null) {
                        build(m.getOrDefault("spec", item), "", problems, () -> provider.spec(type, spec.asMap()));
                        build(m.get("ensemble"), "", problems, () -> {
                            SeedEnsemble.checkMembers(provider, type, ensemble);
                            return ensemble;
                        });
                    }
                    return new ModelConfig(id, backend, type, spec, ensemble);
                });
    }

    /** {@code augmentations: [{id, copies, seed, steps: [{type, probability, ...params}]}]}; absent: none. */
    private List<AugmentationConfig> augmentations(Node node, Problems problems) {
        if (node == null) {
            return List.of(AugmentationConfig.NONE);
        }
        return items(node, "augmentations", "[{id: none}, {id: speed, copies: 2, steps: [{type: speed, factor: [0.9, 1.1]}]}]",
                List.of("id", "copies", "seed", "steps"), problems, AugmentationConfig::id, (item, m) -> {
                    String id = string(m.get("id"), "augmentation id", problems, true);
                    if ("none".equals(id)) {
                        if (m.containsKey("steps") || m.containsKey("copies")) {
                            problems.add(item, "the augmentation id 'none' means no augmentation; give it no steps or copies");
                        }
                        return AugmentationConfig.NONE;
                    }
                    long seed = integer(m.get("seed"), "augmentation seed", 1, Long.MIN_VALUE, Long.MAX_VALUE, problems);
                    int copies = (int) integer(m.get("copies"), "copies", 1, 1, 100, problems);
                    return new AugmentationConfig(id, copies, seed, steps(m.get("steps"), "augmentation '" + id + "'",
                            problems));
                });
    }

    /** {@code testConditions: [{id, seed, steps}]}: extra evaluations on transformed test clips. */
    private List<ConditionConfig> conditions(Node node, Problems problems) {
        List<ConditionConfig> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.add(node, "testConditions must be a list, such as [{id: snr10, steps: [{type: noise, snr: 10}]}]");
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (Node item : seq.getValue()) {
            Map<String, Node> m = mapping(item, List.of("id", "seed", "steps"), "testConditions[].", problems);
            String id = string(m.get("id"), "test condition id", problems, true);
            if (id != null && (!ids.add(id) || id.equals("clean"))) {
                problems.add(item, "test condition id '" + id + "' is used twice (clean is the untouched test set)");
            }
            long seed = integer(m.get("seed"), "test condition seed", 1, Long.MIN_VALUE, Long.MAX_VALUE, problems);
            List<AugmentationStep> steps = steps(m.get("steps"), "test condition '" + id + "'", problems);
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).probability() != 1.0) {
                    problems.add(item, "test condition '" + id + "': steps apply to every test clip; drop probability");
                }
            }
            out.add(new ConditionConfig(id, seed, steps));
        }
        return out;
    }

    private List<AugmentationStep> steps(Node node, String owner, Problems problems) {
        List<AugmentationStep> out = new ArrayList<>();
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(node, owner + " needs steps: a non-empty list such as [{type: noise, snr: [10, 30]}]");
            return out;
        }
        PluginRegistry<AugmentationProvider> registry = plugins.augmentations();
        for (Node item : seq.getValue()) {
            ConfigValues raw = map(item, "an augmentation step", problems);
            ConfigValues params = raw.without("type").without("probability");
            Object type = raw.get("type");
            Object p = raw.get("probability");
            double probability = 1.0;
            if (p != null) {
                if (p instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
                    probability = n.doubleValue();
                } else {
                    problems.add(item, owner + ": probability must be a number between 0 and 1, got '" + p + "'");
                }
            }
            if (!(type instanceof String t) || t.isBlank()) {
                problems.add(item, owner + ": each step needs a type; available: " + String.join(", ", registry.names()));
                continue;
            }
            AugmentationProvider provider = plugin(registry, owner + ": ", "augmentation", t, item, problems);
            if (provider != null) {
                build(item, owner + ": ", problems, () -> provider.create(params.asMap()));
            }
            out.add(new AugmentationStep(t, probability, params));
        }
        return out;
    }

    private static long integer(Node node, String what, long dflt, long min, long max, Problems problems) {
        if (node == null) {
            return dflt;
        }
        Object v = value(node);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() >= min
                && n.longValue() <= max) {
            return n.longValue();
        }
        problems.add(node, what + " must be an integer" + (min == Long.MIN_VALUE ? "" : " from " + min + " to " + max)
                + ", got '" + v + "'");
        return dflt;
    }

    /** Parses one item of a list, given its node and its keys. */
    @FunctionalInterface
    private interface ItemParser<T> {
        T parse(Node item, Map<String, Node> keys);
    }

    /**
     * A non-empty list of mappings with the given keys, each parsed by {@code parser}, whose ids must differ.
     *
     * @param what    the list's key, for messages ({@code extractors})
     * @param example a valid value, for the message when the list is missing or empty
     */
    private static <T> List<T> items(Node node, String what, String example, List<String> keys, Problems problems,
                                     Function<T, String> idOf, ItemParser<T> parser) {
        List<T> out = new ArrayList<>();
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(node, what + " must be a non-empty list, such as " + example);
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (Node item : seq.getValue()) {
            T parsed = parser.parse(item, mapping(item, keys, what + "[].", problems));
            String id = idOf.apply(parsed);
            if (id != null && !ids.add(id)) {
                problems.add(item, "two " + what + " have the id '" + id + "'");
            }
            out.add(parsed);
        }
        return out;
    }

    /**
     * The plugin {@code name} of a registry, or {@code null} with a problem at {@code node}: unknown (with the
     * closest names and the available ones) or failed to load. Native libraries are not loaded here.
     */
    private static <P extends Plugin> P plugin(PluginRegistry<P> registry, String kind, String name, Node node,
                                               Problems problems) {
        return plugin(registry, "", kind, name, node, problems);
    }

    private static <P extends Plugin> P plugin(PluginRegistry<P> registry, String prefix, String kind, String name,
                                               Node node, Problems problems) {
        var entry = registry.entry(name);
        if (entry.isEmpty()) {
            problems.add(node, prefix + "unknown " + kind + " '" + name + "'" + NameSuggestions.didYouMean(name, registry.names())
                    + "; available: " + String.join(", ", registry.names()));
            return null;
        }
        if (entry.get().plugin().isEmpty()) {
            problems.add(node, prefix + kind + " '" + name + "' failed to load: " + entry.get().status().reason());
            return null;
        }
        return entry.get().plugin().get();
    }

    /** Builds something from validated values, or records why not at {@code node} and gives {@code null}. */
    private static <T> T build(Node node, String prefix, Problems problems, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (RuntimeException e) {
            problems.add(node, prefix + e.getMessage());
            return null;
        }
    }

    // --- node helpers --------------------------------------------------------------------------------------

    private static final class Problems {
        final List<String> list = new ArrayList<>();

        void add(Node node, String message) {
            list.add(node == null ? message : "line " + (node.getStartMark().getLine() + 1) + ": " + message);
        }

        boolean isEmpty() {
            return list.isEmpty();
        }
    }

    private static Map<String, Node> mapping(Node node, List<String> allowed, String prefix, Problems problems) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode m)) {
            problems.add(node, (prefix.isEmpty() ? "this" : prefix.substring(0, prefix.length() - 1))
                    + " must be a mapping of " + allowed);
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
            if (!allowed.contains(key)) {
                problems.add(t.getKeyNode(), "unknown key '" + prefix + key + "'" + NameSuggestions.didYouMean(key, allowed)
                        + "; known keys: " + String.join(", ", allowed));
            } else if (out.put(key, t.getValueNode()) != null) {
                problems.add(t.getKeyNode(), "key '" + prefix + key + "' appears twice");
            }
        }
        return out;
    }

    private static String string(Node node, String what, Problems problems, boolean required) {
        if (node == null) {
            if (required) {
                problems.add(null, "missing " + what);
            }
            return null;
        }
        Object v = value(node);
        if (!(v instanceof String s) || s.isBlank()) {
            problems.add(node, what + " must be a non-empty string, got " + (v == null ? "nothing" : "'" + v + "'"));
            return null;
        }
        return s;
    }

    private static ConfigValues map(Node node, String what, Problems problems) {
        Object v = value(node);
        if (v == null) {
            return ConfigValues.NONE;
        }
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(node, what + " must be a mapping such as {key: value}, got '" + v + "'");
            return ConfigValues.NONE;
        }
        ConfigValues values = ConfigValues.NONE;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            values = values.with(String.valueOf(e.getKey()), e.getValue());
        }
        return values;
    }

    /** The values of checked keys, in the order written. */
    private static ConfigValues values(Map<String, Node> keys) {
        ConfigValues values = ConfigValues.NONE;
        for (Map.Entry<String, Node> e : keys.entrySet()) {
            values = values.with(e.getKey(), value(e.getValue()));
        }
        return values;
    }

    /** A node as plain Java values: String, Integer/Long, Double, Boolean, null, List and Map. */
    static Object value(Node node) {
        if (node instanceof ScalarNode s) {
            Tag tag = s.getTag();
            String text = s.getValue();
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                return Boolean.parseBoolean(text.toLowerCase()) || text.equalsIgnoreCase("yes") || text.equalsIgnoreCase("on");
            }
            if (Tag.INT.equals(tag)) {
                try {
                    long l = Long.parseLong(text.replace("_", ""));
                    return l == (int) l ? (Object) (int) l : (Object) l;
                } catch (NumberFormatException e) {
                    return text;
                }
            }
            if (Tag.FLOAT.equals(tag)) {
                try {
                    return Double.parseDouble(text.replace("_", ""));
                } catch (NumberFormatException e) {
                    return text;
                }
            }
            return text;
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            for (Node n : seq.getValue()) {
                list.add(value(n));
            }
            return list;
        }
        if (node instanceof MappingNode m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                map.put(String.valueOf(value(t.getKeyNode())), value(t.getValueNode()));
            }
            return map;
        }
        return null;
    }
}
