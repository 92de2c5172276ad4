package dev.digits.app.commands;

import dev.digits.api.plugin.PluginRegistry;
import dev.digits.core.fetch.ModelFilesProvider;

import dev.digits.app.cli.Command;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.UsageException;
import dev.digits.core.dataset.BadFile;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusLayout;
import dev.digits.core.dataset.OfficialPart;
import dev.digits.core.dataset.SpeechCommandsFolder;
import dev.digits.core.dataset.CorpusSummary;
import dev.digits.core.dataset.DatasetFetcher;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.fetch.Mirror;
import dev.digits.core.dataset.KnownDataset;
import dev.digits.core.dataset.SyntheticVoices;
import dev.digits.experiment.console.ProgressLine;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code digits data fetch NAME}, {@code digits data info DIR|NAME} and {@code digits data synth --out DIR}. */
public final class DataCommand implements Command {
    private static final int MAX_BAD_LISTED = 20;
    private final DatasetLocator locator;

    @Inject
    public DataCommand(DatasetLocator locator) {
        this.locator = locator;
    }

    @Override
    public String name() {
        return "data";
    }

    @Override
    public String summary() {
        return "data fetch NAME: download and verify a dataset; data info DIR|NAME: what a corpus holds; "
                + "data synth --out DIR: digits spoken by espeak-ng voices";
    }

    @Override
    public String usage() {
        return "fetch NAME [--from PATH_OR_URL] [--dir DIR] [--force] | info DIR|NAME [--layout L]\n"
                + "    | synth --out DIR [--voices V,...] [--speeds WPM,...] [--sr HZ] [--espeak PROGRAM]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("from").hasArg().argName("PATH_OR_URL")
                        .desc("fetch: install from a local archive (.tar.gz/.zip), a folder, or a mirror URL").build())
                .addOption(Option.builder().longOpt("dir").hasArg().argName("DIR")
                        .desc("fetch: where datasets are installed (default " + DatasetLocator.userDataDir() + ")").build())
                .addOption(Option.builder().longOpt("force").desc("fetch: replace an existing installation").build())
                .addOption(Option.builder().longOpt("layout").hasArg().argName("L")
                        .desc("info: fsdd, audiomnist, folders or speech-commands (default: detected)").build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("synth: the folder to write (FSDD layout)").build())
                .addOption(Option.builder().longOpt("voices").hasArg().argName("V,...")
                        .desc("synth: espeak-ng voices (default: 7 English accents x variants m1-m7, f1-f5 = 84)").build())
                .addOption(Option.builder().longOpt("speeds").hasArg().argName("WPM,...")
                        .desc("synth: words per minute, one recording per voice and speed (default 150)").build())
                .addOption(Option.builder().longOpt("sr").hasArg().argName("HZ")
                        .desc("synth: sample rate written (default 8000, FSDD's)").build())
                .addOption(Option.builder().longOpt("espeak").hasArg().argName("PROGRAM")
                        .desc("synth: the espeak-ng program (default espeak-ng on the PATH)").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            throw new UsageException("missing sub-command: fetch, info or synth");
        }
        return switch (args.get(0)) {
            case "fetch" -> fetch(line, args, console);
            case "info" -> info(line, args, console);
            case "synth" -> synth(line, args, console);
            default -> throw new UsageException("unknown sub-command '" + args.get(0) + "'; use fetch, info or synth");
        };
    }

    private int fetch(CommandLine line, List<String> args, Console console) throws Exception {
        PluginRegistry<ModelFilesProvider> modelFiles = PluginRegistry.discover(ModelFilesProvider.class, "model files",
                Thread.currentThread().getContextClassLoader());
        if (args.size() != 2) {
            throw new UsageException("data fetch takes one name (datasets: " + String.join(", ", KnownDataset.NAMES) + "; model files: "
                    + String.join(", ", modelFiles.names()) + ")");
        }
        if (modelFiles.entry(args.get(1)).isPresent()) {
            console.out().println(modelFiles.get(args.get(1)).install(line.getOptionValue("from")));
            return 0;
        }
        KnownDataset dataset;
        try {
            dataset = KnownDataset.byName(args.get(1));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; model files: " + String.join(", ", modelFiles.names()));
        }
        Path root = line.hasOption("dir") ? Path.of(line.getOptionValue("dir")) : DatasetLocator.userDataDir();
        ProgressLine progress = new ProgressLine(console.err());
        Path installed = new DatasetFetcher(console.err()::println, progress.transfers(), Mirror.configured())
                .fetch(dataset, line.getOptionValue("from"), root, line.hasOption("force"));
        console.out().println(installed);
        console.err().println("Attribution: " + dataset.attribution());
        return 0;
    }

    private int info(CommandLine line, List<String> args, Console console) throws Exception {
        if (args.size() != 2) {
            throw new UsageException("data info takes one folder or dataset name");
        }
        Path dir = Path.of(args.get(1));
        if (!Files.isDirectory(dir) && !args.get(1).contains("/")) {
            dir = locator.locate(args.get(1));
        }
        if (!Files.isDirectory(dir)) {
            throw new java.io.IOException(dir + ": no such folder");
        }
        CorpusLayout layout = line.hasOption("layout") ? CorpusLayout.byId(line.getOptionValue("layout"))
                : CorpusLayout.detect(dir);
        Corpus corpus = layout.scan(dir);
        CorpusSummary s = CorpusSummary.of(corpus);
        PrintStream out = console.out();
        out.println("corpus:       " + dir.toAbsolutePath().normalize() + " (layout " + layout.id() + ")");
        out.println("files:        " + s.readable() + " readable, " + s.badFiles().size() + " bad");
        out.println("per digit:    " + join(s.byDigit()));
        out.println("speakers:     " + (s.bySpeaker().isEmpty() ? "not named by this layout"
                : s.bySpeaker().size() + " (" + join(s.bySpeaker()) + ")"));
        out.println("sample rates: " + s.bySampleRate().entrySet().stream()
                .map(e -> e.getKey() + " Hz: " + e.getValue()).collect(Collectors.joining(", ")));
        out.println("formats:      " + join(s.byFormat()));
        out.printf("durations:    min %.3f s, median %.3f s, max %.3f s, total %.1f min%n",
                s.minDuration(), s.medianDuration(), s.maxDuration(), s.totalDuration() / 60);
        if (layout == CorpusLayout.SPEECH_COMMANDS) {
            java.util.List<String> others = SpeechCommandsFolder.otherWords(dir);
            out.println("other words:  " + others.size() + (others.isEmpty() ? "" : " (" + String.join(", ", others)
                    + "), not digits: kept for speech that is not a digit"));
            out.println("official:     " + (corpus.entries().stream().allMatch(e -> e.part() != OfficialPart.NONE)
                    ? corpus.entries().stream().filter(e -> e.part() == OfficialPart.TEST).count() + " test clips ("
                    + SpeechCommandsFolder.TESTING_LIST + ")" : "none (no " + SpeechCommandsFolder.TESTING_LIST + ")"));
            SpeechCommandsFolder.partial(corpus).ifPresent(p -> out.println("note:         " + p));
        }
        if (s.badFiles().isEmpty()) {
            out.println("bad files:    none");
        } else {
            out.println("bad files:    " + s.badFiles().size() + " (skipped by every command)");
            for (BadFile b : s.badFiles().subList(0, Math.min(MAX_BAD_LISTED, s.badFiles().size()))) {
                out.println("  " + b);
            }
            if (s.badFiles().size() > MAX_BAD_LISTED) {
                out.println("  ... and " + (s.badFiles().size() - MAX_BAD_LISTED) + " more");
            }
        }
        return 0;
    }

    private int synth(CommandLine line, List<String> args, Console console) throws Exception {
        if (args.size() != 1 || !line.hasOption("out")) {
            throw new UsageException("data synth takes --out DIR and no other argument");
        }
        SyntheticVoices voices;
        try {
            voices = new SyntheticVoices(line.getOptionValue("espeak", "espeak-ng"),
                    line.hasOption("voices") ? list(line.getOptionValue("voices")) : SyntheticVoices.defaultVoices(),
                    line.hasOption("speeds") ? list(line.getOptionValue("speeds")).stream().map(DataCommand::integer).toList()
                            : SyntheticVoices.DEFAULT_SPEEDS,
                    line.hasOption("sr") ? integer(line.getOptionValue("sr")) : 8000);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path out = Path.of(line.getOptionValue("out"));
        ProgressLine progress = new ProgressLine(console.err());
        progress.start("synth " + voices.voices().size() + " voices x " + voices.speeds().size() + " speeds");
        List<Path> files = voices.write(out, n -> progress.update(n, voices.size(), null));
        console.out().printf("wrote %d recordings (%d voices x %d speeds x 10 digits, %d Hz) to %s%n", files.size(),
                voices.voices().size(), voices.speeds().size(), voices.sampleRate(), out);
        console.out().println("use them as training-only voices: dataset: {name: fsdd, extraTraining: [" + out + "]}");
        return 0;
    }

    private static List<String> list(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static int integer(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: '" + s + "'");
        }
    }

    private static String join(Map<?, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }
}
