package dev.digits.experiment.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A plugin's keys and values as written in an experiment file or on the command line, before the plugin
 * resolves them against its parameter specs: what an extractor's {@code params}, a model's {@code spec}, an
 * augmentation step, a protocol or an engine was given. Keys keep the order they were written in; a key may
 * hold {@code null} (written as {@code none}).
 */
public record ConfigValues(Map<String, Object> asMap) {
    public static final ConfigValues NONE = new ConfigValues(Map.of());

    public ConfigValues {
        asMap = Collections.unmodifiableMap(new LinkedHashMap<>(asMap));
    }

    @JsonCreator
    public static ConfigValues of(Map<String, ?> values) {
        return new ConfigValues(new LinkedHashMap<>(values));
    }

    /** The values as a map, which is how they are written to JSON. */
    @Override
    @JsonValue
    public Map<String, Object> asMap() {
        return asMap;
    }

    public Object get(String key) {
        return asMap.get(key);
    }

    public boolean has(String key) {
        return asMap.containsKey(key);
    }

    public Set<String> names() {
        return asMap.keySet();
    }

    public boolean isEmpty() {
        return asMap.isEmpty();
    }

    /** These values with {@code key} set to {@code value} (added last if it was not there). */
    public ConfigValues with(String key, Object value) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>(asMap);
        m.put(key, value);
        return new ConfigValues(m);
    }

    /** These values without {@code key}. */
    public ConfigValues without(String key) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>(asMap);
        m.remove(key);
        return new ConfigValues(m);
    }

    @Override
    public String toString() {
        return asMap.toString();
    }
}
