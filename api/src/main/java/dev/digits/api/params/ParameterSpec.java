package dev.digits.api.params;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One parameter a plugin accepts: its name, type, default and the values it allows.
 *
 * @param name         the key users write, such as {@code n_mfcc}
 * @param type         the value type
 * @param defaultValue the value when the key is absent; {@code null} means "none" and is allowed
 * @param description  one line for {@code digits list}
 * @param choices      for strings, the allowed values (empty: any)
 * @param words        for numbers, special words also accepted (such as {@code native} for {@code sr})
 * @param min          inclusive lower bound for numbers, or {@code null}
 * @param max          inclusive upper bound for numbers, or {@code null}
 * @param entries      for mappings, the keys they accept (empty: any keys)
 */
public record ParameterSpec(String name, ParameterType type, Object defaultValue, String description,
                            List<String> choices, Set<String> words, Double min, Double max,
                            List<ParameterSpec> entries) {

    private static final Set<String> NONE_WORDS = Set.of("null", "none", "None", "~");

    public ParameterSpec {
        choices = List.copyOf(choices);
        words = Set.copyOf(words);
        entries = List.copyOf(entries);
    }

    /** A parameter that is not a mapping with declared keys. */
    public ParameterSpec(String name, ParameterType type, Object defaultValue, String description,
                         List<String> choices, Set<String> words, Double min, Double max) {
        this(name, type, defaultValue, description, choices, words, min, max, List.of());
    }

    public static ParameterSpec integer(String name, Integer defaultValue, int min, int max, String description) {
        return new ParameterSpec(name, ParameterType.INT, defaultValue, description, List.of(), Set.of(),
                (double) min, (double) max);
    }

    public static ParameterSpec number(String name, Double defaultValue, double min, double max, String description) {
        return new ParameterSpec(name, ParameterType.DOUBLE, defaultValue, description, List.of(), Set.of(), min, max);
    }

    public static ParameterSpec bool(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, defaultValue, description, List.of(), Set.of(), null, null);
    }

    public static ParameterSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParameterSpec(name, ParameterType.STRING, defaultValue, description, choices, Set.of(), null, null);
    }

    public static ParameterSpec string(String name, String defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.STRING, defaultValue, description, List.of(), Set.of(), null, null);
    }

    public static ParameterSpec intList(String name, List<Integer> defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.INT_LIST, defaultValue, description, List.of(), Set.of(), 1.0, null);
    }

    /**
     * A closed interval {@code [low, high]} of numbers within {@code [min, max]}; a single number {@code v} means
     * {@code [v, v]}. Resolves to a two-element {@code List<Double>}.
     */
    public static ParameterSpec range(String name, double low, double high, double min, double max, String description) {
        return new ParameterSpec(name, ParameterType.RANGE, List.of(low, high), description, List.of(), Set.of(), min, max);
    }

    public static ParameterSpec map(String name, Map<String, Object> defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.MAP, defaultValue, description, List.of(), Set.of(), null, null);
    }

    /**
     * A mapping whose keys are declared like a plugin's own parameters: unknown keys are refused with the closest
     * known name, values are converted and checked; keys left out are absent from the value (no defaults).
     */
    public static ParameterSpec map(String name, String description, List<ParameterSpec> entries) {
        return new ParameterSpec(name, ParameterType.MAP, null, description, List.of(), Set.of(), null, null, entries);
    }

    /** The same spec, also accepting these words in place of a number. */
    public ParameterSpec orWords(String... extra) {
        return new ParameterSpec(name, type, defaultValue, description, choices, Set.of(extra), min, max, entries);
    }

    /**
     * Why this parameter's default is not a value it accepts itself (outside its range or choices), if so: a
     * plugin with such a spec is listed as unavailable rather than run with a value users could not give.
     */
    public java.util.Optional<String> defaultProblem() {
        if (defaultValue == null) {
            return java.util.Optional.empty();
        }
        try {
            convert(defaultValue, "default of '" + name + "'");
            return java.util.Optional.empty();
        } catch (ParameterException e) {
            return java.util.Optional.of("parameter '" + name + "' has a default it does not accept: " + e.getMessage());
        }
    }

    /**
     * Converts a raw value (from YAML, JSON or a {@code key=value} string) to this parameter's type and checks
     * it, or throws a {@link ParameterException} that names {@code owner} and the parameter.
     */
    public Object convert(Object raw, String owner) {
        // "none" means no value, except for strings, where it may be a legitimate choice (pooling: none)
        if (raw == null || (type != ParameterType.STRING && raw instanceof String s && NONE_WORDS.contains(s)
                && !words.contains(s))) {
            if (defaultValue != null) {
                return fail(owner, raw, "a " + type.description());
            }
            return null;
        }
        if (raw instanceof String s && words.contains(s.toLowerCase(Locale.ROOT))) {
            return s.toLowerCase(Locale.ROOT);
        }
        return switch (type) {
            case INT -> checkRange(toInt(raw, owner), owner);
            case DOUBLE -> checkRange(toDouble(raw, owner), owner);
            case BOOLEAN -> toBoolean(raw, owner);
            case STRING -> toChoice(raw, owner);
            case INT_LIST -> toIntList(raw, owner);
            case RANGE -> toRange(raw, owner);
            case MAP -> {
                if (raw instanceof Map<?, ?> m) {
                    yield entries.isEmpty() ? m : toEntries(m, owner);
                }
                yield fail(owner, raw, "a mapping such as {key: value}");
            }
        };
    }

    /** Checks a mapping's keys and values against {@link #entries}; keeps only the keys given, in declared order. */
    private Map<String, Object> toEntries(Map<?, ?> raw, String owner) {
        Map<String, Object> given = new java.util.LinkedHashMap<>();
        raw.forEach((k, v) -> given.put(String.valueOf(k), v));
        Map<String, Object> resolved = Parameters.resolve(entries, given, owner + ": " + name).asMap();
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        resolved.forEach((k, v) -> {
            if (given.containsKey(k)) {
                out.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    private Object fail(String owner, Object raw, String expected) {
        String alsoWords = words.isEmpty() ? "" : " or one of " + words;
        throw new ParameterException(owner + ": parameter '" + name + "' must be " + expected + alsoWords
                + ", got '" + raw + "'");
    }

    private Integer toInt(Object raw, String owner) {
        if (raw instanceof Integer i) {
            return i;
        }
        if (raw instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return (int) n.doubleValue();
        }
        if (raw instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        return (Integer) fail(owner, raw, "an integer");
    }

    private Double toDouble(Object raw, String owner) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return (Double) fail(owner, raw, "a number");
    }

    private Object checkRange(Number value, String owner) {
        double v = value.doubleValue();
        if ((min != null && v < min) || (max != null && v > max)) {
            String range = min != null && max != null ? "between " + fmt(min) + " and " + fmt(max)
                    : min != null ? "at least " + fmt(min) : "at most " + fmt(max);
            throw new ParameterException(owner + ": parameter '" + name + "' must be " + range + ", got " + value);
        }
        return value;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private Boolean toBoolean(Object raw, String owner) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("yes")) {
                return true;
            }
            if (t.equals("false") || t.equals("no")) {
                return false;
            }
        }
        return (Boolean) fail(owner, raw, "true or false");
    }

    private String toChoice(Object raw, String owner) {
        if (raw instanceof Map<?, ?> || raw instanceof List<?>) {
            return (String) fail(owner, raw, "a string");
        }
        String s = String.valueOf(raw);
        if (!choices.isEmpty() && !choices.contains(s)) {
            throw new ParameterException(owner + ": parameter '" + name + "' must be one of " + choices + ", got '"
                    + s + "'" + NameSuggestions.didYouMean(s, choices));
        }
        return s;
    }

    private List<Integer> toIntList(Object raw, String owner) {
        List<Object> items = new ArrayList<>();
        if (raw instanceof List<?> l) {
            items.addAll(l);
        } else if (raw instanceof String s) {
            String t = s.trim();
            if (t.startsWith("[") && t.endsWith("]")) {
                t = t.substring(1, t.length() - 1);
            }
            for (String part : t.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        } else if (raw instanceof Number) {
            items.add(raw);
        } else {
            fail(owner, raw, "a list of integers such as [100, 100]");
        }
        List<Integer> out = new ArrayList<>();
        for (Object item : items) {
            Integer v;
            try {
                v = item instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(String.valueOf(item).trim());
            } catch (NumberFormatException e) {
                return (List<Integer>) fail(owner, raw, "a list of integers such as [100, 100]");
            }
            if (min != null && v < min) {
                throw new ParameterException(owner + ": parameter '" + name + "' values must be at least "
                        + fmt(min) + ", got " + v);
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    private List<Double> toRange(Object raw, String owner) {
        List<Object> items = new ArrayList<>();
        if (raw instanceof List<?> l) {
            items.addAll(l);
        } else if (raw instanceof Number) {
            items.add(raw);
            items.add(raw);
        } else if (raw instanceof String s) {
            String t = s.trim();
            if (t.startsWith("[") && t.endsWith("]")) {
                t = t.substring(1, t.length() - 1);
            }
            for (String part : t.split(",")) {
                items.add(part.trim());
            }
            if (items.size() == 1) {
                items.add(items.get(0));
            }
        }
        String example = "a number or a range such as [0.9, 1.1]";
        if (items.size() != 2) {
            return (List<Double>) fail(owner, raw, example);
        }
        double[] v = new double[2];
        for (int i = 0; i < 2; i++) {
            Object item = items.get(i);
            try {
                v[i] = item instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(item));
            } catch (NumberFormatException e) {
                return (List<Double>) fail(owner, raw, example);
            }
            checkRange(v[i], owner);
        }
        if (v[0] > v[1]) {
            throw new ParameterException(owner + ": parameter '" + name + "' must be [low, high] with low <= high, got "
                    + raw);
        }
        return List.of(v[0], v[1]);
    }

    /** How the default reads in {@code digits list}. */
    public String defaultText() {
        return defaultValue == null ? "none" : String.valueOf(defaultValue);
    }
}
