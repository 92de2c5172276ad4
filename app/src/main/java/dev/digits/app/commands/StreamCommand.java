package dev.digits.app.commands;

import dev.digits.core.audio.AudioLimits;
import dev.digits.experiment.Plugins;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.app.cli.Command;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.NumberOption;
import dev.digits.app.cli.UsageException;
import dev.digits.recognition.stream.PcmStreamReader;
import dev.digits.recognition.ClipRecognizer;
import dev.digits.recognition.DigitRecognizer;
import dev.digits.recognition.stream.Segmenters;
import dev.digits.recognition.StreamingSession;
import dev.digits.recognition.stream.UtteranceFraming;
import dev.digits.recognition.stream.VoiceActivityDetector;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code digits stream}: recognises a spoken digit string in continuous audio (a file, standard input as it
 * arrives, or the microphone), printing {@code START END DIGIT CONFIDENCE} per utterance as it is recognised.
 */
public final class StreamCommand implements Command {
    private static final int MIC_RATE = 16000;
    private final Plugins plugins;

    @Inject
    public StreamCommand(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "stream";
    }

    @Override
    public String summary() {
        return "recognise a spoken digit string in continuous audio (file, standard input or microphone)";
    }

    @Override
    public String usage() {
        return "--model model.digits [FILE.wav | - | --mic] [--min-confidence P] [--show-unknown] [--hangover MS] [--stats]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("m").longOpt("model").hasArg().argName("FILE").desc("model bundle (digits train)").build())
                .addOption(Option.builder().longOpt("mic").desc("read the default capture device").build())
                .addOption(Option.builder().longOpt("min-confidence").hasArg().argName("P")
                        .desc("below this, a digit counts as ? (default: the threshold the model bundle records, "
                                + "else " + DigitRecognizer.STREAM_MIN_CONFIDENCE + ")").build())
                .addOption(Option.builder().longOpt("show-unknown")
                        .desc("print a line with ? for speech that is not a digit (or below --min-confidence); by "
                                + "default nothing is printed for it").build())
                .addOption(Option.builder().longOpt("hangover").hasArg().argName("MS")
                        .desc("non-speech that ends an utterance (default 250 ms)").build())
                .addOption(Option.builder().longOpt("min-length").hasArg().argName("MS").desc("shortest utterance (default 60 ms)").build())
                .addOption(Option.builder().longOpt("max-length").hasArg().argName("MS").desc("longest utterance (default 1500 ms)").build())
                .addOption(Option.builder().longOpt("preroll").hasArg().argName("MS")
                        .desc("audio kept before an utterance for the classifier (default: what the model's training "
                                + "clips had, at least " + VoiceActivityDetector.Settings.defaults().prerollMs() + " ms)").build())
                .addOption(Option.builder().longOpt("postroll").hasArg().argName("MS")
                        .desc("audio kept after an utterance for the classifier (default: what the model's training "
                                + "clips had, at least " + VoiceActivityDetector.Settings.defaults().postrollMs() + " ms)").build())
                .addOption(Option.builder().longOpt("vad").hasArg().argName("NAME")
                        .desc("how speech is found: energy (default: measures better on FSDD streams) or silero (a "
                        + "trained detector)").build())
                .addOption(Option.builder().longOpt("threshold").hasArg().argName("DB")
                        .desc("an utterance starts this far above the noise floor and goes on while half as far (default 6 dB)").build())
                .addOption(Option.builder().longOpt("rate").hasArg().argName("HZ")
                        .desc("sample rate of raw 16-bit PCM on standard input (default 8000)").build())
                .addOption(Option.builder().longOpt("stats").desc("print real-time factor and latency to standard error").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        if (!line.hasOption("model")) {
            throw new UsageException("--model FILE is required");
        }
        List<String> args = line.getArgList();
        boolean mic = line.hasOption("mic");
        if (mic == !args.isEmpty() || args.size() > 1) {
            throw new UsageException("give one input: FILE.wav, - (standard input) or --mic");
        }
        VoiceActivityDetector.Settings d = VoiceActivityDetector.Settings.defaults();
        int minLength = NumberOption.wholeNumber(line, "min-length", d.minMs(), 10, 10_000);
        int maxLength = NumberOption.wholeNumber(line, "max-length", d.maxMs(), 100, 60_000);
        if (maxLength < minLength) {
            throw new UsageException("--max-length (" + maxLength + " ms) is shorter than --min-length (" + minLength + " ms)");
        }
        double thresholdDb = NumberOption.number(line, "threshold", d.thresholdDb(), 0, 100, false);
        int hangover = NumberOption.wholeNumber(line, "hangover", d.hangoverMs(), 10, 10_000);
        Segmenters segmenters = new Segmenters(plugins.speechDetectors());
        String vad = line.getOptionValue("vad", Segmenters.ENERGY);
        if (!segmenters.names().contains(vad)) {
            throw new UsageException("--vad takes " + String.join(" or ", segmenters.names()) + ", got '" + vad + "'"
                    + dev.digits.api.params.NameSuggestions.didYouMean(vad, segmenters.names()));
        }
        int rawRate = NumberOption.wholeNumber(line, "rate", 8000, AudioLimits.MIN_RATE, AudioLimits.MAX_RATE);
        ModelBundle bundle = ModelBundle.read(Path.of(line.getOptionValue("model")), plugins);
        double minConfidence = NumberOption.number(line, "min-confidence",
                bundle.minConfidence().orElse(DigitRecognizer.STREAM_MIN_CONFIDENCE), 0, 1, false);
        boolean showUnknown = line.hasOption("show-unknown");
        // the room around each utterance fits the model's training clips unless given
        VoiceActivityDetector.Settings framed = UtteranceFraming.defaultsFor(bundle);
        VoiceActivityDetector.Settings settings = new VoiceActivityDetector.Settings(thresholdDb, d.absoluteFloorDb(),
                hangover, minLength, maxLength, NumberOption.wholeNumber(line, "preroll", framed.prerollMs(), 0, 1000),
                NumberOption.wholeNumber(line, "postroll", framed.postrollMs(), 0, 1000));
        bundle.warnings().forEach(w -> console.err().println("warning: " + line.getOptionValue("model") + ": " + w));
        List<Long> decisions = new ArrayList<>();
        if (mic) {
            return microphone(bundle, settings, segmenters, vad, minConfidence, showUnknown, console);
        }
        InputStream in = args.get(0).equals("-") ? console.in() : Files.newInputStream(Path.of(args.get(0)));
        long samples = 0;
        long t0 = System.nanoTime();
        int rate;
        try (InputStream input = in) {
            PcmStreamReader reader = new PcmStreamReader(input, rawRate);
            reader.warning().ifPresent(w -> console.err().println("warning: " + args.get(0) + ": " + w));
            rate = reader.sampleRate();
            noteResampling(bundle, rate, console);
            StreamingSession recognizer = new StreamingSession(StreamingSession.warmedUp(new ClipRecognizer(bundle), rate),
                    rate, settings, segmenters.frames(vad, rate, settings), minConfidence, r -> {
                if (showUnknown || r.digit().isPresent()) {
                    console.out().println(r.line());
                    console.out().flush();
                }
                decisions.add(r.decisionNanos());
            });
            float[] chunk = new float[Math.max(160, rate / 50)];
            int n;
            while ((n = reader.read(chunk)) > 0) {
                recognizer.feed(chunk, n);
                samples += n;
            }
            recognizer.close();
            if (reader.endProblem().isPresent()) {
                throw new IOException(reader.endProblem().get() + "; the digits above are from the part there is");
            }
            if (decisions.isEmpty()) {
                console.err().printf(Locale.ROOT, "stream: %.2f s of audio and no utterance in it%n", samples / (double) rate);
            }
        } catch (IOException e) {
            throw new IOException((args.get(0).equals("-") ? "standard input" : args.get(0)) + ": " + e.getMessage(), e);
        }
        if (line.hasOption("stats")) {
            double audio = samples / (double) rate;
            double wall = (System.nanoTime() - t0) / 1e9;
            decisions.sort(null);
            console.err().printf(Locale.ROOT, "audio %.2f s processed in %.3f s: real-time factor %.4f; %d utterances; "
                    + "latency after an utterance ends: hangover %d ms + classification median %.2f ms, max %.2f ms%n",
                    audio, wall, wall / Math.max(1e-9, audio), decisions.size(), settings.hangoverMs(),
                    decisions.isEmpty() ? 0 : decisions.get(decisions.size() / 2) / 1e6,
                    decisions.isEmpty() ? 0 : decisions.get(decisions.size() - 1) / 1e6);
        }
        return 0;
    }

    private static int microphone(ModelBundle bundle, VoiceActivityDetector.Settings settings, Segmenters segmenters,
                                  String vad, double minConfidence, boolean showUnknown, Console console)
            throws IOException {
        AudioFormat format = new AudioFormat(MIC_RATE, 16, 1, true, false);
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, format);
        if (!AudioSystem.isLineSupported(info)) {
            throw new IOException("no capture device: javax.sound finds no microphone that records 16 kHz 16-bit mono "
                    + "on this machine (use a file or - for standard input instead)");
        }
        try (TargetDataLine mic = (TargetDataLine) AudioSystem.getLine(info)) {
            mic.open(format);
            mic.start();
            console.err().println("listening on " + mic.getLineInfo() + " (Ctrl-C to stop)");
            noteResampling(bundle, MIC_RATE, console);
            StreamingSession recognizer = new StreamingSession(StreamingSession.warmedUp(new ClipRecognizer(bundle),
                    MIC_RATE), MIC_RATE, settings, segmenters.frames(vad, MIC_RATE, settings), minConfidence,
                    r -> {
                        if (showUnknown || r.digit().isPresent()) {
                            console.out().println(r.line());
                        }
                    });
            byte[] bytes = new byte[MIC_RATE / 50 * 2];
            while (true) {
                int n = mic.read(bytes, 0, bytes.length);
                recognizer.feedPcm16(bytes, 0, n);
            }
        } catch (LineUnavailableException | IllegalArgumentException e) {
            throw new IOException("no usable capture device: " + e.getMessage(), e);
        }
    }

    private static void noteResampling(ModelBundle bundle, int rate, Console console) {
        bundle.inputRate().filter(r -> r != rate).ifPresent(r -> console.err().println(
                "stream: " + rate + " Hz audio; each utterance is resampled to the " + r + " Hz the model was trained on"));
    }

}
