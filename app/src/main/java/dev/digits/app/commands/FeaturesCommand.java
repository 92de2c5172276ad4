package dev.digits.app.commands;

import dev.digits.api.params.Parameters;
import dev.digits.recognition.provenance.ResultsJson;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.digits.experiment.Plugins;
import dev.digits.app.cli.Command;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.ExtractorOptions;
import dev.digits.app.cli.UsageException;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.core.features.CorpusExtraction;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** {@code digits features}: prints the features of one WAV file as JSON or CSV. */
public final class FeaturesCommand implements Command {
    private final Plugins plugins;

    @Inject
    public FeaturesCommand(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "features";
    }

    @Override
    public String summary() {
        return "print the features of a WAV file (JSON or CSV)";
    }

    @Override
    public String usage() {
        return "[--extractor NAME] [--param KEY=VALUE ...] [--format json|csv] FILE.wav";
    }

    @Override
    public Options options() {
        return ExtractorOptions.addTo(new Options())
                .addOption(Option.builder("f").longOpt("format").hasArg().argName("FORMAT")
                        .desc("json (default) or csv: one line per coefficient").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        if (line.getArgList().size() != 1) {
            throw new UsageException("give exactly one WAV file");
        }
        String format = line.getOptionValue("format", "json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new UsageException("--format must be json or csv, got '" + format + "'");
        }
        FeatureExtractor extractor = ExtractorOptions.create(line, plugins.extractors());
        Features f = CorpusExtraction.extractFile(extractor, Path.of(line.getArgList().get(0)));
        if (format.equals("csv")) {
            for (int r = 0; r < f.rows(); r++) {
                StringJoiner row = new StringJoiner(",");
                for (int c = 0; c < (f.isMatrix() ? f.cols() : 1); c++) {
                    row.add(Float.toString(f.isMatrix() ? f.get(r, c) : f.values()[r]));
                }
                console.out().println(row);
            }
            return 0;
        }
        List<float[]> rows = new ArrayList<>();
        for (int r = 0; r < (f.isMatrix() ? f.rows() : 1); r++) {
            int width = f.isMatrix() ? f.cols() : f.values().length;
            float[] row = new float[width];
            System.arraycopy(f.values(), r * width, row, 0, width);
            rows.add(row);
        }
        FeaturesOutput json = new FeaturesOutput(extractor.name(), extractor.parameters(), f.shape(),
                f.isMatrix() ? rows : f.values());
        console.out().println(ResultsJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json));
        return 0;
    }

    /**
     * What {@code --format json} prints: the extractor, its resolved parameters, the shape and the values (a
     * vector, or the matrix as rows).
     */
    record FeaturesOutput(String extractor, Parameters params, int[] shape, Object values) {
    }
}
