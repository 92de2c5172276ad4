package dev.digits.experiment.config;

import dev.digits.experiment.config.ConfigValues;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which engine runs an experiment and its settings: {@code engine: {type: spark, master: "local[2]"}} in the
 * YAML, or {@code --engine spark --master local[2]} on the command line (which wins).
 *
 * @param type     the engine's name ({@code local} when not given)
 * @param settings the other keys, as written
 */
public record EngineSettings(String type, ConfigValues settings) {
    public static final EngineSettings LOCAL = new EngineSettings("local", ConfigValues.NONE);

    /** A setting as a string, or {@code fallback} when it is absent. */
    public String get(String key, String fallback) {
        Object v = settings.get(key);
        return v == null ? fallback : v.toString();
    }

    /** These settings with command-line overrides applied ({@code null} values leave a setting as it is). */
    public EngineSettings override(String newType, ConfigValues overrides) {
        ConfigValues merged = newType != null && !newType.equals(type) ? ConfigValues.NONE : settings;
        for (String k : overrides.names()) {
            if (overrides.get(k) != null) {
                merged = merged.with(k, overrides.get(k));
            }
        }
        return new EngineSettings(newType != null ? newType : type, merged);
    }

    /** For provenance and reports: the type and settings. */
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("type", type);
        for (String k : settings.names()) {
            d.put(k, String.valueOf(settings.get(k)));
        }
        return d;
    }
}
