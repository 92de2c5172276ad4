package dev.digits.app.commands;

import dev.digits.app.results.BundleManifest.TrainingData;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.app.Plugins;
import dev.digits.app.bundle.ModelBundle;
import dev.digits.app.cli.Command;
import dev.digits.app.cli.Console;
import dev.digits.app.cli.UsageException;
import dev.digits.api.audio.AudioClip;
import dev.digits.core.audio.AudioFileException;
import dev.digits.core.audio.WavFile;
import dev.digits.core.audio.WavReader;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        return "--model model.digits [--top K] [--format text|json] [--stats] FILE_OR_DIR...";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("m").longOpt("model").hasArg().argName("FILE").desc("model bundle (digits train)").build())
                .addOption(Option.builder("k").longOpt("top").hasArg().argName("K").desc("also print the K most likely digits").build())
                .addOption(Option.builder("f").longOpt("format").hasArg().argName("FORMAT").desc("text (default) or json").build())
                .addOption(Option.builder().longOpt("stats").desc("print timing to standard error at the end").build());
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
        int top = line.hasOption("top") ? BenchCommand.intOption(line, "top", 1) : 0;
        long t0 = System.nanoTime();
        ModelBundle bundle = ModelBundle.read(Path.of(line.getOptionValue("model")), plugins);
        bundle.featureRevisionWarning()
                .ifPresent(w -> console.err().println("warning: " + line.getOptionValue("model") + ": " + w));
        long loaded = System.nanoTime();
        List<Path> files = new ArrayList<>();
        for (String arg : line.getArgList()) {
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
        TrainingData training = bundle.trainingData();
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
            List<String> warnings = warnings(wav, training);
            for (String w : warnings) {
                console.err().println("warning: " + f + ": " + w);
            }
            AudioClip clip = new AudioClip(wav.mono(), wav.format().sampleRate(), null, null, f.toString());
            float[] p;
            try {
                p = bundle.classify(clip);
            } catch (RuntimeException e) {
                console.err().println("digits predict: " + f + ": cannot classify (" + e.getMessage() + ")");
                failed++;
                continue;
            }
            perFile.add(System.nanoTime() - fileStart);
            int[] order = ranking(p);
            if (format.equals("text")) {
                StringBuilder sb = new StringBuilder(f.toString()).append('\t').append(bundle.labels().get(order[0]))
                        .append('\t').append(String.format(Locale.ROOT, "%.4f", p[order[0]]));
                for (int k = 1; k < Math.min(top, p.length); k++) {
                    sb.append('\t').append(bundle.labels().get(order[k])).append(':')
                            .append(String.format(Locale.ROOT, "%.4f", p[order[k]]));
                }
                console.out().println(sb);
            } else {
                List<Prediction.Ranked> topK = new ArrayList<>();
                for (int k = 0; k < Math.min(Math.max(top, 1), p.length); k++) {
                    topK.add(new Prediction.Ranked(bundle.labels().get(order[k]), p[order[k]]));
                }
                json.add(new Prediction(f.toString(), bundle.labels().get(order[0]), p[order[0]], topK, warnings));
            }
        }
        if (format.equals("json")) {
            console.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        }
        long end = System.nanoTime();
        if (line.hasOption("stats")) {
            int done = files.size() - failed;
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
        if (failed > 0) {
            console.err().println("digits predict: " + failed + " of " + files.size() + " files could not be predicted");
            return 1;
        }
        return 0;
    }

    /** One file's prediction as {@code --format json} prints it. */
    record Prediction(String path, String digit, float confidence, List<Ranked> top, List<String> warnings) {
        /** A label and its probability. */
        record Ranked(String digit, float p) {
        }
    }

    /** How a file differs from the training data; it is handled (downmixed, resampled), but the user should know. */
    static List<String> warnings(WavFile wav, TrainingData training) {
        List<String> w = new ArrayList<>();
        int rate = wav.format().sampleRate();
        Integer inputRate = training.resolvedInputRate().orElse(null);
        if (inputRate != null && rate != inputRate) {
            w.add(rate + " Hz, resampled to the " + inputRate + " Hz the model was trained on");
        } else if (inputRate == null && !training.sampleRates().contains(rate)) {
            w.add(rate + " Hz, a rate the model never met (it was trained on " + training.sampleRates()
                    + " Hz audio, each clip at its own rate)");
        }
        if (wav.format().channels() > 1) {
            w.add(wav.format().channels() + " channels, downmixed to mono (the model was trained on mono)");
        }
        double seconds = wav.format().durationSeconds();
        if (seconds > training.maxSeconds() * 2) {
            w.add(String.format(Locale.ROOT, "%.2f s long; training clips were %.2f-%.2f s (one digit per file is assumed; "
                    + "use digits stream for digit strings)", seconds, training.minSeconds(), training.maxSeconds()));
        } else if (seconds < training.minSeconds() / 2) {
            w.add(String.format(Locale.ROOT, "%.3f s long; training clips were %.2f-%.2f s", seconds, training.minSeconds(),
                    training.maxSeconds()));
        }
        return w;
    }

    private static int[] ranking(float[] p) {
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Float.compare(p[b], p[a]));
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
