package dev.digits.app.bench;


import dev.digits.experiment.Plugins;
import dev.digits.app.cli.NumberOption;
import dev.digits.app.cli.Command;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.ExtractorOptions;
import dev.digits.app.cli.UsageException;
import dev.digits.recognition.stream.VoiceActivityDetector;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.core.audio.AudioFileException;
import dev.digits.core.audio.WavReader;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code digits bench features}: times end-to-end feature extraction (WAV decode + resample + features, no
 * cache) of every WAV file under a folder, after a warm-up pass; the last line is {@code files/s: N}.
 */
public final class BenchCommand implements Command {
    private final Plugins plugins;
    private final dev.digits.core.dataset.DatasetLocator locator;

    @Inject
    public BenchCommand(Plugins plugins, dev.digits.core.dataset.DatasetLocator locator) {
        this.plugins = plugins;
        this.locator = locator;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "bench features: extraction speed over a folder; bench model: training time and prediction latency; "
                + "bench adapt: adaptation to held-out speakers; bench head: a classifier head's training time at scale; bench stream: digit error rate of streams of joined clips; bench serve: a local server under load";
    }

    @Override
    public String usage() {
        return "features --data DIR [--threads N] [--rounds R] [--extractor NAME] [--param KEY=VALUE ...]\n"
                + "    [--engine spark [--master local[2]]]  (the engine's extraction next to the local one)\n"
                + "  | model --backend NAME [--type mlp] [--spec KEY=VALUE ...] [--seeds 1,2,3]\n"
                + "  | adapt --config FILE.yaml [--model ID] [--extractor ID] [--augmentation ID] [--no-copies] [--clips-per-digit N] [--share S] [--base-examples N] [--seed S]\n"
                + "  | head --config FILE.yaml [--model ID] [--examples 400000] [--jitter 0.05] [--estimate-only]\n"
                + "  | stream --model m.digits [--data DIR|NAME] [--digits 300] [--snr DB ...] [--seed S] [--speaker NAME] [--all-clips] [--fold-of FILE.yaml] [--other-words N] [--min-confidence P]\n"
                + "  | serve --model m.digits [--clients 16] [--seconds 10] [--warm-up 30] [--threads N] [--queue N] [--data DIR]";
    }

    @Override
    public Options options() {
        return ExtractorOptions.addTo(new Options())
                .addOption(Option.builder().longOpt("data").hasArg().argName("DIR").desc("folder of WAV files (recursive)").build())
                .addOption(Option.builder().longOpt("threads").hasArg().argName("N")
                        .desc("worker threads (default 1; serve: one per core)").build())
                .addOption(Option.builder().longOpt("rounds").hasArg().argName("R")
                        .desc("timed passes over the files, best one reported (default 3)").build())
                .addOption(Option.builder().longOpt("backend").hasArg().argName("NAME").desc("model: the backend to time").build())
                .addOption(Option.builder().longOpt("type").hasArg().argName("TYPE").desc("model: model type (default mlp)").build())
                .addOption(Option.builder().longOpt("spec").hasArg().argName("KEY=VALUE")
                        .desc("model: spec parameter, repeatable, e.g. --spec standardize=true").build())
                .addOption(Option.builder().longOpt("seeds").hasArg().argName("LIST").desc("model: seeds (default 1)").build())
                .addOption(Option.builder().longOpt("config").hasArg().argName("FILE").desc("adapt, head: the experiment file").build())
                .addOption(Option.builder().longOpt("model").hasArg().argName("ID").desc("adapt, head: the experiment's model; serve: the model bundle").build())
                .addOption(Option.builder().longOpt("examples").hasArg().argName("N")
                        .desc("head: examples to train on, the experiment's replicated (default "
                                + HeadBenchmark.DEFAULT_EXAMPLES + ")").build())
                .addOption(Option.builder().longOpt("estimate-only")
                        .desc("head: print train's estimate and stop (for heads too slow to train at that size)").build())
                .addOption(Option.builder().longOpt("jitter").hasArg().argName("S")
                        .desc("head: noise added to each replica's features, times each feature's spread (default 0.05)").build())
                .addOption(Option.builder().longOpt("no-copies")
                        .desc("adapt: give adapt the clips without the augmentation's copies of them").build())
                .addOption(Option.builder().longOpt("augmentation").hasArg().argName("ID")
                        .desc("adapt: the experiment's augmentation the base model is trained with (default: its first)")
                        .build())
                .addOption(Option.builder().longOpt("base-examples").hasArg().argName("N")
                        .desc("adapt: the base model's examples the adapted one trains with, as in digits adapt (default "
                                + dev.digits.experiment.adapt.VoiceAdaptation.DEFAULT_BASE_EXAMPLES + "; 0: all)").build())
                .addOption(Option.builder().longOpt("clips-per-digit").hasArg().argName("N")
                        .desc("adapt: clips per digit given to adapt (default 1)").build())
                .addOption(Option.builder().longOpt("share").hasArg().argName("S")
                        .desc("adapt: part of the training examples the clips make up (default "
                                + dev.digits.experiment.adapt.VoiceAdaptation.DEFAULT_SHARE + ")").build())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("S").desc("adapt: which clips are given (default 1); stream: the streams' seed").build())
                .addOption(Option.builder().longOpt("digits").hasArg().argName("N")
                        .desc("stream: digits per stream (default 300)").build())
                .addOption(Option.builder().longOpt("snr").hasArgs().argName("DB")
                        .desc("stream: also with white noise at this SNR, repeatable (--snr 20 --snr 10)").build())
                .addOption(Option.builder().longOpt("speaker").hasArg().argName("NAME")
                        .desc("stream: only this speaker's clips").build())
                .addOption(Option.builder().longOpt("threshold").hasArg().argName("DB")
                        .desc("stream, energy: dB above the noise floor that starts an utterance; it goes on while half as far (default 6)").build())
                .addOption(Option.builder().longOpt("hangover").hasArg().argName("MS")
                        .desc("stream: non-speech that ends an utterance (default 250)").build())
                .addOption(Option.builder().longOpt("min-length").hasArg().argName("MS")
                        .desc("stream: shorter utterances are dropped (default 60)").build())
                .addOption(Option.builder().longOpt("preroll").hasArg().argName("MS")
                        .desc("stream: audio kept before an utterance (default: the room the model's training clips "
                                + "had, at least " + VoiceActivityDetector.Settings.defaults().prerollMs() + ")").build())
                .addOption(Option.builder().longOpt("postroll").hasArg().argName("MS")
                        .desc("stream: audio kept after an utterance (default: the room the model's training clips "
                                + "had, at least " + VoiceActivityDetector.Settings.defaults().postrollMs() + ")").build())
                .addOption(Option.builder().longOpt("vad").hasArg().argName("NAME")
                        .desc("stream: how speech is found, energy (default) or silero").build())
                .addOption(Option.builder().longOpt("other-words").hasArg().argName("N")
                        .desc("stream: N clips of words that are not digits (Speech Commands' other words) per 100 digits, "
                                + "between them; a digit printed for one counts as an insertion (default 0)").build())
                .addOption(Option.builder().longOpt("min-confidence").hasArg().argName("P")
                        .desc("stream: the probability a digit needs to be printed (default: the threshold the model "
                                + "bundle records, else 0.5)").build())
                .addOption(Option.builder().longOpt("fold-of").hasArg().argName("FILE")
                        .desc("stream: the test clips of this experiment's first fold, which train --split train "
                                + "leaves out (speakers the model never heard, with a speaker-disjoint protocol)").build())
                .addOption(Option.builder().longOpt("all-clips").desc("stream: every clip, not only the official test clips").build())
                .addOption(Option.builder().longOpt("clients").hasArg().argName("N")
                        .desc("serve: concurrent clients (default 16)").build())
                .addOption(Option.builder().longOpt("seconds").hasArg().argName("T")
                        .desc("serve: how long the load runs (default 10)").build())
                .addOption(Option.builder().longOpt("warm-up").hasArg().argName("T")
                        .desc("serve: seconds of load (and up to 5 of predict alone) before the measured part, while "
                                + "the JIT compiles the server's paths (default 30)").build())
                .addOption(Option.builder().longOpt("queue").hasArg().argName("N")
                        .desc("serve: requests that may wait for a worker (default 64)").build())
                .addOption(Option.builder().longOpt("engine").hasArg().argName("NAME")
                        .desc("features: also time the corpus's extraction on this engine (spark)").build())
                .addOption(Option.builder().longOpt("master").hasArg().argName("URL")
                        .desc("features --engine spark: the Spark master (default local[*])").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        if (line.getArgList().size() == 1 && line.getArgList().get(0).equals("model")) {
            return new ModelBenchmark(plugins, locator).run(line, console);
        }
        if (line.getArgList().size() == 1 && line.getArgList().get(0).equals("stream")) {
            return new StreamBenchmark(plugins, locator).run(line, console);
        }
        if (line.getArgList().size() == 1 && line.getArgList().get(0).equals("serve")) {
            return new ServeBenchmark(plugins, locator).run(line, console);
        }
        if (line.getArgList().size() == 1 && line.getArgList().get(0).equals("head")) {
            return new HeadBenchmark(plugins, locator).run(line, console);
        }
        if (line.getArgList().size() == 1 && line.getArgList().get(0).equals("adapt")) {
            return new AdaptBenchmark(plugins, locator).run(line, console);
        }
        if (line.getArgList().size() != 1 || !line.getArgList().get(0).equals("features")) {
            throw new UsageException("the benchmark to run: features, model, adapt, stream or serve");
        }
        if (!line.hasOption("data")) {
            throw new UsageException("--data DIR is required");
        }
        int rounds = NumberOption.wholeNumber(line, "rounds", 3, 1, 1000);
        if (line.hasOption("engine")) {
            int all = NumberOption.wholeNumber(line, "threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
            return new EngineBenchmark(plugins).run(line.getOptionValue("engine"), line.getOptionValue("master"),
                    Path.of(line.getOptionValue("data")), line.getOptionValue("extractor", ExtractorOptions.DEFAULT_EXTRACTOR),
                    ExtractorOptions.parameters(line), all, rounds, console);
        }
        int threads = NumberOption.wholeNumber(line, "threads", 1, 1, 1024);
        FeatureExtractor extractor = ExtractorOptions.create(line, plugins.extractors());
        List<Path> files;
        Path data = Path.of(line.getOptionValue("data"));
        if (!Files.isDirectory(data)) {
            throw new IOException(data + ": no such folder");
        }
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".wav")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException(data + ": no WAV files");
        }
        console.out().printf("extractor: %s %s%n", extractor.name(), extractor.parameters());
        console.out().printf("files: %d under %s; threads: %d; JVM: %s %s%n", files.size(), data, threads,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        AtomicInteger bad = new AtomicInteger();
        long warm = pass(files.subList(0, Math.min(files.size(), 500)), extractor, threads, bad);
        console.out().printf("warm-up: %d files in %.2f s%n", Math.min(files.size(), 500), warm / 1e9);
        long best = Long.MAX_VALUE;
        for (int r = 1; r <= rounds; r++) {
            bad.set(0);
            long nanos = pass(files, extractor, threads, bad);
            best = Math.min(best, nanos);
            console.out().printf("round %d: %.3f s, %.1f files/s%n", r, nanos / 1e9, files.size() / (nanos / 1e9));
        }
        if (bad.get() > 0) {
            console.out().printf("(%d files could not be read and were skipped)%n", bad.get());
        }
        double filesPerSecond = files.size() / (best / 1e9);
        console.out().printf("per thread: %.1f files/s, %.3f ms per file%n", filesPerSecond / threads,
                best / 1e6 / files.size() * threads);
        console.out().printf(Locale.ROOT, "files/s: %.1f%n", filesPerSecond);
        return 0;
    }

    private static long pass(List<Path> files, FeatureExtractor extractor, int threads, AtomicInteger bad) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            long t0 = System.nanoTime();
            pool.submit(() -> files.parallelStream().forEach(f -> {
                try {
                    extractor.extract(WavReader.readClip(f));
                } catch (AudioFileException e) {
                    bad.incrementAndGet();
                }
            })).join();
            return System.nanoTime() - t0;
        } finally {
            pool.shutdown();
        }
    }
}
