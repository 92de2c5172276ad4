package dev.digits.app.commands;

import dev.digits.experiment.Plugins;
import dev.digits.app.cli.Command;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.ExtractorOptions;
import dev.digits.app.cli.UsageException;
import dev.digits.experiment.report.Charts;
import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.core.audio.WavReader;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code digits plot}: PNGs of a recording's waveform, log-mel spectrogram and MFCC matrix, as the notebook
 * showed them.
 */
public final class PlotCommand implements Command {
    private final Plugins plugins;

    @Inject
    public PlotCommand(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "plot";
    }

    @Override
    public String summary() {
        return "plot a WAV file's waveform, mel spectrogram and MFCCs as PNG files";
    }

    @Override
    public String usage() {
        return "FILE.wav [--out DIR] [--param KEY=VALUE ...]   (parameters of mfcc-librosa, e.g. sr=native)";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("o").longOpt("out").hasArg().argName("DIR").desc("output folder (default plots)").build())
                .addOption(Option.builder("p").longOpt("param").hasArg().argName("KEY=VALUE")
                        .desc("mfcc-librosa parameter, repeatable (default sr=22050, n_mfcc=40)").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        if (line.getArgList().size() != 1) {
            throw new UsageException("give exactly one WAV file");
        }
        Path wav = Path.of(line.getArgList().get(0));
        Path out = Path.of(line.getOptionValue("out", "plots"));
        String stem = wav.getFileName().toString().replaceFirst("(?i)\\.wav$", "");
        Map<String, String> params = new HashMap<>(ExtractorOptions.parameters(line));
        params.put("pooling", "none");
        params.remove("frames");
        AudioClip clip = WavReader.readClip(wav);

        FeatureExtractor mfcc = plugins.extractors().get("mfcc-librosa").create(params);
        Map<String, String> melParams = new HashMap<>(params);
        for (String key : new String[] {"n_mfcc", "dct_type", "norm", "lifter"}) {
            melParams.remove(key);
        }
        FeatureExtractor mel = plugins.extractors().get("logmel-librosa").create(melParams);
        Object srParam = mfcc.parameters().get("sr");
        int sr = "native".equals(srParam) ? clip.sampleRate() : ((Number) srParam).intValue();
        double secondsPerFrame = mfcc.parameters().getInt("hop_length") / (double) sr;

        Path wavePng = out.resolve(stem + "-waveform.png");
        Charts.waveform(wavePng, "Waveform: " + wav.getFileName() + " (" + clip.sampleRate() + " Hz, "
                + String.format("%.2f s)", clip.durationSeconds()), clip.samples(), clip.sampleRate());
        Features m = mel.extract(clip);
        Path melPng = out.resolve(stem + "-melspectrogram.png");
        Charts.heatmap(melPng, "Mel spectrogram (dB): " + wav.getFileName() + " at " + sr + " Hz",
                toDouble(m.values()), m.rows(), m.cols(), secondsPerFrame, "time (s)", "mel band", "dB");
        Features c = mfcc.extract(clip);
        Path mfccPng = out.resolve(stem + "-mfcc.png");
        Charts.heatmap(mfccPng, "MFCC: " + wav.getFileName() + " (" + c.rows() + " coefficients at " + sr + " Hz)",
                toDouble(c.values()), c.rows(), c.cols(), secondsPerFrame, "time (s)", "coefficient", "value");
        console.out().println(wavePng);
        console.out().println(melPng);
        console.out().println(mfccPng);
        return 0;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
