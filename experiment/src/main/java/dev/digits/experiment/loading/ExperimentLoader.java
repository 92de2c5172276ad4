package dev.digits.experiment.loading;

import dev.digits.api.params.NameSuggestions;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.config.ConfigException;
import dev.digits.experiment.config.EngineSettings;
import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.experiment.engine.EngineProvider;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an experiment YAML file into a checked {@link ExperimentConfig} before anything runs, in one pass: the text
 * is bound to typed records ({@link ExperimentFile}, by {@link YamlBinder}), then resolved ({@link ExperimentResolver}).
 * Unknown keys get a "did you mean" at every depth, unknown plugins list the available ones, wrong types and invalid
 * parameters name the line, and all problems are reported at once. {@code validate} and {@code run} both load here.
 */
public final class ExperimentLoader {
    static final List<String> TOP_KEYS = Arrays.stream(ExperimentFile.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    /** Experiment files are a few KB; anything past this is refused before parsing. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private final Plugins plugins;
    private final Set<String> addableEngines;

    public ExperimentLoader(Plugins plugins) {
        this(plugins, Set.of());
    }

    /**
     * A loader that takes a file naming one of {@code addableEngines} although that engine is not on the class path
     * (its settings are then checked only once it is): the {@code digits} launcher adds such an engine and runs the
     * command again when it is asked for.
     */
    public ExperimentLoader(Plugins plugins, Set<String> addableEngines) {
        this.plugins = plugins;
        this.addableEngines = Set.copyOf(addableEngines);
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

    /** The configuration a file's text describes, checked and resolved; every problem at once. */
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
        if (!(root instanceof MappingNode)) {
            throw new ConfigException(where, List.of("the file must be a mapping with keys " + TOP_KEYS));
        }
        Problems problems = new Problems();
        YamlBinder binder = new YamlBinder(problems);
        ExperimentFile file = binder.bind(root, ExperimentFile.class, "");
        ExperimentConfig config = new ExperimentResolver(plugins, addableEngines, binder, problems).resolve(file, source);
        if (!problems.isEmpty()) {
            throw new ConfigException(where, problems.list());
        }
        return config;
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

    /** Why an engine cannot be used (unknown, or failed to load), or {@code null} when it can. */
    static String unknownEngine(Plugins plugins, String type) {
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
}
