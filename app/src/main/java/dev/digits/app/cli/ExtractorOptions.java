package dev.digits.app.cli;

import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.plugin.PluginRegistry;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --extractor NAME --param key=value ...} options shared by commands that extract features. */
public final class ExtractorOptions {
    public static final String DEFAULT_EXTRACTOR = "mfcc-librosa";

    private ExtractorOptions() {
    }

    public static Options addTo(Options options) {
        return options
                .addOption(Option.builder("e").longOpt("extractor").hasArg().argName("NAME")
                        .desc("feature extractor (default " + DEFAULT_EXTRACTOR + "; see digits list)").build())
                .addOption(Option.builder("p").longOpt("param").hasArg().argName("KEY=VALUE")
                        .desc("extractor parameter, repeatable: --param sr=native --param n_mfcc=13").build());
    }

    /** The {@code --param} values as a map, in the order given. */
    public static Map<String, String> parameters(CommandLine line) throws UsageException {
        Map<String, String> params = new LinkedHashMap<>();
        String[] values = line.getOptionValues("param");
        if (values != null) {
            for (String kv : values) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--param takes KEY=VALUE, got '" + kv + "'");
                }
                params.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
        }
        return params;
    }

    public static FeatureExtractor create(CommandLine line, PluginRegistry<FeatureExtractorProvider> registry)
            throws UsageException {
        String name = line.getOptionValue("extractor", DEFAULT_EXTRACTOR);
        Map<String, String> params = parameters(line);
        return registry.get(name).create(params);
    }
}
