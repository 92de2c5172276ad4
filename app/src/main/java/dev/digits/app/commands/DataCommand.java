package dev.digits.app.commands;

import dev.digits.app.cli.Command;
import dev.digits.app.cli.Console;
import dev.digits.app.cli.UsageException;
import dev.digits.core.dataset.BadFile;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusLayout;
import dev.digits.core.dataset.CorpusSummary;
import dev.digits.core.dataset.DatasetFetcher;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.dataset.KnownDataset;
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

/** {@code digits data fetch NAME} and {@code digits data info DIR|NAME}. */
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
        return "data fetch NAME: download and verify a dataset; data info DIR|NAME: what a corpus holds";
    }

    @Override
    public String usage() {
        return "fetch NAME [--from PATH_OR_URL] [--dir DIR] [--force] | info DIR|NAME [--layout L]";
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
                        .desc("info: fsdd, audiomnist or folders (default: detected)").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            throw new UsageException("missing sub-command: fetch or info");
        }
        return switch (args.get(0)) {
            case "fetch" -> fetch(line, args, console);
            case "info" -> info(line, args, console);
            default -> throw new UsageException("unknown sub-command '" + args.get(0) + "'; use fetch or info");
        };
    }

    private int fetch(CommandLine line, List<String> args, Console console) throws Exception {
        if (args.size() != 2) {
            throw new UsageException("data fetch takes one dataset name (known: fsdd)");
        }
        KnownDataset dataset;
        try {
            dataset = KnownDataset.byName(args.get(1));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path root = line.hasOption("dir") ? Path.of(line.getOptionValue("dir")) : DatasetLocator.userDataDir();
        Path installed = new DatasetFetcher(console.err()::println)
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

    private static String join(Map<?, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }
}
