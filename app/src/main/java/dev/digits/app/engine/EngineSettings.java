package dev.digits.app.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which engine runs an experiment and its settings: {@code engine: {type: spark, master: "local[2]"}} in the
 * YAML, or {@code --engine spark --master local[2]} on the command line (which wins).
 *
 * @param type     the engine's name ({@code local} when not given)
 * @param settings the other keys, as written
 */
public record EngineSettings(String type, Map<String, Object> settings) {
    public static final EngineSettings LOCAL = new EngineSettings("local", Map.of());

    public EngineSettings {
        settings = Map.copyOf(settings);
    }

    /** A setting as a string, or {@code fallback} when it is absent. */
    public String get(String key, String fallback) {
        Object v = settings.get(key);
        return v == null ? fallback : v.toString();
    }

    /** These settings with command-line overrides applied ({@code null} values leave a setting as it is). */
    public EngineSettings override(String newType, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(newType != null && !newType.equals(type) ? Map.of() : settings);
        overrides.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return new EngineSettings(newType != null ? newType : type, merged);
    }

    /** For provenance and reports: the type and settings. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.putAll(settings);
        return m;
    }
}
