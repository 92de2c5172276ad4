package dev.digits.app.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.experiment.Plugins;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.app.cli.Command;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.NumberOption;
import dev.digits.app.cli.UsageException;
import dev.digits.recognition.DigitRecognizer;
import dev.digits.recognition.Recognition;
import dev.digits.recognition.RankedDigit;
import dev.digits.core.audio.SpeechPresence;
import dev.digits.core.audio.AudioFileException;
import dev.digits.core.audio.WavFile;
import dev.digits.core.audio.WavReader;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code digits predict}: the digit of each WAV file, one line per file ({@code path<TAB>digit<TAB>confidence}),
 * with warnings for input unlike the training data and bad files reported without stopping the others.
 */
public final class PredictCommand implements Command {
    private final Plugins plugins;

    @Inject
    public PredictCommand(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String summary() {
        return "recognise the digit in WAV files (directories are walked) with a model bundle";
    }

    @Override
    public String usage() {
        return "--model model.digits [--top K] [--format text|json] [--min-confidence P] [--stats] FILE_OR_DIR...";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("m").longOpt("model").hasArg().argName("FILE").desc("model bundle (digits train)").build())
                .addOption(Option.builder("k").longOpt("top").hasArg().argName("K").desc("also print the K most likely digits").build())
                .addOption(Option.builder("f").longOpt("format").hasArg().argName("FORMAT").desc("text (default) or json").build())
                .addOption(Option.builder().longOpt("min-confidence").hasArg().argName("P")
                        .desc("answer ? instead of a digit when the model's confidence is below P (0-1), the reason on "
                                + "standard error (default: always a digit)").build())
                .addOption(Option.builder().longOpt("stats").desc("print timing to standard error at the end").build())
                .addOption(Option.builder().longOpt("speech-range").hasArg().argName("DB")
                        .desc("a file whose level rises less than this above its quietest tenth holds no speech and gets "
                                + "'-' (default " + SpeechPresence.DEFAULT.minRangeDb() + "; 0: never reject)").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        if (!line.hasOption("model")) {
            throw new UsageException("--model FILE is required");
        }
        if (line.getArgList().isEmpty()) {
            throw new UsageException("give one or more WAV files or folders");
        }
        String format = line.getOptionValue("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, got '" + format + "'");
        }
        int top = line.hasOption("top") ? NumberOption.wholeNumber(line, "top", 1, 1, 1000) : 0;
        long t0 = System.nanoTime();
        ModelBundle bundle = ModelBundle.read(Path.of(line.getOptionValue("model")), plugins);
        bundle.warnings().forEach(w -> console.err().println("warning: " + line.getOptionValue("model") + ": " + w));
        long loaded = System.nanoTime();
        List<Path> files = wavFiles(line.getArgList());
        DigitRecognizer recognizer = DigitRecognizer.of(bundle, presence(line));
        if (line.hasOption("min-confidence")) {
            recognizer = recognizer.withMinConfidence(NumberOption.number(line, "min-confidence", 0, 0, 1, false));
        }
        List<Prediction> json = new ArrayList<>();
        int failed = 0;
        List<Long> perFile = new ArrayList<>();
        for (Path f : files) {
            long fileStart = System.nanoTime();
            WavFile wav;
            try {
                wav = WavReader.read(f);
            } catch (AudioFileException e) {
                console.err().println("digits predict: " + e.getMessage());
                failed++;
                continue;
            }
            Recognition r;
            try {
                r = recognizer.recognize(wav, f.toString());
            } catch (RuntimeException e) {
                console.err().println("digits predict: " + f + ": cannot classify (" + e.getMessage() + ")");
                failed++;
                continue;
            }
            for (String w : r.warnings()) {
                console.err().println("warning: " + f + ": " + w);
            }
            if (r.reason() != null) {
                console.err().println(f + ": " + r.reason());
            }
            perFile.add(System.nanoTime() - fileStart);
            if (format.equals("text")) {
                StringBuilder sb = new StringBuilder(f.toString()).append('\t').append(r.label())
                        .append('\t').append(!r.hasSpeech() ? "-" : String.format(Locale.ROOT, "%.4f", r.confidence()));
                if (top > 1) {
                    for (RankedDigit d : r.top(top).subList(1, r.top(top).size())) {
                        sb.append('\t').append(d.digit()).append(':').append(String.format(Locale.ROOT, "%.4f", d.p()));
                    }
                }
                console.out().println(sb);
            } else {
                json.add(new Prediction(f.toString(), r.label(), r.confidence(), r.top(top), r.warnings(), r.reason()));
            }
        }
        if (format.equals("json")) {
            console.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        }
        long end = System.nanoTime();
        if (line.hasOption("stats")) {
            printStats(console, files.size() - failed, t0, loaded, end, perFile);
        }
        if (failed > 0) {
            console.err().println("digits predict: " + failed + " of " + files.size() + " files could not be predicted");
            return 1;
        }
        return 0;
    }

    /** The files given, folders replaced by the WAV files in them (sorted). */
    private static List<Path> wavFiles(List<String> args) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                            .sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /** {@code --stats}: the time to load and predict, and the latency per file after the first. */
    private static void printStats(Console console, int done, long t0, long loaded, long end, List<Long> perFile) {
        console.err().printf(Locale.ROOT, "predicted %d files in %.3f s after loading the bundle in %.3f s: %.3f ms per file%n",
                done, (end - loaded) / 1e9, (loaded - t0) / 1e9, done == 0 ? 0 : (end - loaded) / 1e6 / done);
        if (perFile.size() > 1) {
            // reading, extraction and classification of one file; the first warms up (JIT, native sessions)
            List<Long> warm = new ArrayList<>(perFile.subList(1, perFile.size()));
            warm.sort(null);
            console.err().printf(Locale.ROOT, "latency per file after the first (%.1f ms): median %.2f ms, 90th "
                            + "percentile %.2f ms, max %.2f ms%n", perFile.get(0) / 1e6, warm.get(warm.size() / 2) / 1e6,
                    warm.get((int) (warm.size() * 0.9)) / 1e6, warm.get(warm.size() - 1) / 1e6);
        }
    }

    /** The speech check {@code --speech-range} asks for. */
    static SpeechPresence presence(CommandLine line) throws UsageException {
        double db = NumberOption.number(line, "speech-range", SpeechPresence.DEFAULT.minRangeDb(), 0, 60, false);
        return db == 0 ? SpeechPresence.OFF : new SpeechPresence(db, SpeechPresence.DEFAULT.silenceDbfs());
    }

    /** One file's prediction as {@code --format json} prints it. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Prediction(String path, String digit, float confidence, List<RankedDigit> top, List<String> warnings,
                      String noSpeech) {
    }
}
