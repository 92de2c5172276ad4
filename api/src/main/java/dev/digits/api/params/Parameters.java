package dev.digits.api.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Resolved parameter values: every declared parameter present (defaults filled in), each of its declared
 * type. Immutable; iteration follows the declaration order, so {@link #toString()} is stable and can key a
 * cache.
 */
public final class Parameters {
    private final Map<String, Object> values;

    private Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks raw values against the specs and fills in defaults. Unknown keys are rejected with the closest
     * known name; {@code owner} names the plugin in messages.
     */
    public static Parameters resolve(List<ParameterSpec> specs, Map<String, ?> raw, String owner) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            byName.put(spec.name(), spec);
        }
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                throw new ParameterException(owner + ": unknown parameter '" + key + "'"
                        + NameSuggestions.didYouMean(key, byName.keySet()) + "; known parameters: "
                        + String.join(", ", byName.keySet()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            Object value = raw.containsKey(spec.name()) ? spec.convert(raw.get(spec.name()), owner) : spec.defaultValue();
            out.put(spec.name(), value);
        }
        return new Parameters(out);
    }

    /** Parameters with no declared specs (for tests and simple plugins). */
    public static Parameters of(Map<String, ?> values) {
        return new Parameters(new LinkedHashMap<>(values));
    }

    /** These parameters with one value replaced (or added last), already resolved: a seed set per run, say. */
    public Parameters with(String name, Object value) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new Parameters(m);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Object get(String name) {
        if (!values.containsKey(name)) {
            throw new ParameterException("no parameter '" + name + "'" + NameSuggestions.didYouMean(name, values.keySet()));
        }
        return values.get(name);
    }

    public int getInt(String name) {
        return ((Number) Objects.requireNonNull(get(name), name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) Objects.requireNonNull(get(name), name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) Objects.requireNonNull(get(name), name);
    }

    public String getString(String name) {
        Object v = get(name);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    public List<Integer> getIntList(String name) {
        return (List<Integer>) get(name);
    }

    /** A {@link ParameterType#RANGE} value as {@code {low, high}}. */
    public double[] getRange(String name) {
        List<?> v = (List<?>) Objects.requireNonNull(get(name), name);
        return new double[] {((Number) v.get(0)).doubleValue(), ((Number) v.get(1)).doubleValue()};
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String name) {
        return (Map<String, Object>) get(name);
    }

    /** Whether a value is one of the special words a number parameter accepts (such as {@code native}). */
    public boolean isWord(String name, String word) {
        return word.equals(get(name));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** {@code {a=1, b=x}} in declaration order. */
    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
