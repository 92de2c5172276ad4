package dev.digits.experiment.loading;

import dev.digits.api.params.NameSuggestions;
import dev.digits.experiment.config.ConfigValues;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a YAML node tree to records in one pass, by their components: each key of a mapping is a component of the
 * record it binds to, and any other key is a problem with "did you mean" and the known keys, at any depth; each
 * value is converted to its component's type ({@code String}, {@code Integer}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code List<T>}, a nested record, or {@link ConfigValues} for a plugin's own keys, which the
 * plugin's parameter specs check afterwards). Every problem is collected with its line; a value that cannot be
 * bound is {@code null}. Bound records and values remember their nodes, so that later checks (an unknown plugin, a
 * parameter out of range) name the right line.
 */
final class YamlBinder {
    /** A list component that also takes a single value ({@code extraTraining: DIR}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface OneOrMany {
    }

    /** A {@link ConfigValues} component that also takes a plain value, meaning {@code {type: VALUE}}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface TypeShorthand {
    }

    private final Problems problems;
    private final Map<Object, Node> nodes = new IdentityHashMap<>();
    private final Map<Object, Map<String, Node>> keyNodes = new IdentityHashMap<>();

    YamlBinder(Problems problems) {
        this.problems = problems;
    }

    /**
     * The record a mapping node describes, or {@code null} (with a problem) when the node is not a mapping.
     *
     * @param path where the mapping is, for messages: {@code ""} at the top, {@code "dataset."}, {@code "models[]."}
     */
    <T extends Record> T bind(Node node, Class<T> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> allowed = Arrays.stream(components).map(RecordComponent::getName).toList();
        Map<String, Node> keys = keys(node, allowed, path);
        if (keys == null) {
            return null;
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Node value = keys.get(c.getName());
            args[i] = value == null ? null : value(value, c.getGenericType(), path + c.getName(), c);
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            T bound = constructor.newInstance(args);
            remember(bound, node, keys);
            return bound;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName() + " from an experiment file", e);
        }
    }

    /** The node a bound record or value came from ({@code null} for one that was not bound here). */
    Node node(Object bound) {
        return bound == null ? null : nodes.get(bound);
    }

    /** The value node of {@code key} in the mapping {@code bound} came from, or {@code null} when it has none. */
    Node node(Object bound, String key) {
        Map<String, Node> keys = bound == null ? null : keyNodes.get(bound);
        return keys == null ? null : keys.get(key);
    }

    /** Whether the mapping {@code bound} came from has {@code key} (bound or not). */
    boolean has(Object bound, String key) {
        return node(bound, key) != null;
    }

    /**
     * The keys of a mapping node, each checked against {@code allowed} (unknown and repeated keys are problems);
     * {@code null} with a problem when the node is not a mapping.
     */
    Map<String, Node> keys(Node node, List<String> allowed, String path) {
        if (!(node instanceof MappingNode m)) {
            problems.add(node, (path.isEmpty() ? "this" : path.substring(0, path.length() - 1)) + " must be a mapping of "
                    + allowed);
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = YamlValues.key(t.getKeyNode());
            if (!allowed.contains(key)) {
                problems.add(t.getKeyNode(), "unknown key '" + path + key + "'" + NameSuggestions.didYouMean(key, allowed)
                        + "; known keys: " + String.join(", ", allowed));
            } else if (out.put(key, t.getValueNode()) != null) {
                problems.add(t.getKeyNode(), "key '" + path + key + "' appears twice");
            }
        }
        return out;
    }

    private void remember(Object bound, Node node, Map<String, Node> keys) {
        nodes.put(bound, node);
        keyNodes.put(bound, keys);
    }

    private Object value(Node node, Type type, String what, RecordComponent component) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            return list(node, element, what, component != null && component.isAnnotationPresent(OneOrMany.class));
        }
        if (raw.isRecord() && raw != ConfigValues.class) {
            return bind(node, raw.asSubclass(Record.class), what.replaceFirst("\\[\\]$", "") + (what.endsWith("[]") ? "[]." : "."));
        }
        if (raw == ConfigValues.class) {
            return configValues(node, what, component != null && component.isAnnotationPresent(TypeShorthand.class));
        }
        return scalar(node, raw, what, false);
    }

    private List<Object> list(Node node, Type element, String what, boolean oneOrMany) {
        List<Node> items;
        if (node instanceof SequenceNode seq) {
            items = seq.getValue();
        } else if (oneOrMany) {
            items = List.of(node);
        } else {
            problems.add(node, what + " must be a list, got '" + YamlValues.value(node) + "'");
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (Node item : items) {
            Class<?> raw = element instanceof Class<?> c ? c : null;
            Object v = raw != null && !raw.isRecord() && raw != ConfigValues.class ? scalar(item, raw, what, true)
                    : value(item, element, what + "[]", null);
            if (v != null) {
                out.add(v);
            }
        }
        nodes.put(out, node);
        return out;
    }

    private ConfigValues configValues(Node node, String what, boolean typeShorthand) {
        if (node instanceof ScalarNode && typeShorthand) {
            Object v = YamlValues.value(node);
            ConfigValues values = v == null ? ConfigValues.NONE : ConfigValues.NONE.with("type", v);
            remember(values, node, v == null ? Map.of() : Map.of("type", node));
            return values;
        }
        Object v = YamlValues.value(node);
        if (v == null) {
            return ConfigValues.NONE;
        }
        if (!(node instanceof MappingNode m)) {
            problems.add(node, what + " must be a mapping such as {key: value}, got '" + v + "'");
            return null;
        }
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            keys.put(YamlValues.key(t.getKeyNode()), t.getValueNode());
        }
        @SuppressWarnings("unchecked")
        ConfigValues values = ConfigValues.of((Map<String, ?>) v);
        remember(values, node, keys);
        return values;
    }

    /** A scalar of a Java type, or {@code null} with a problem; {@code item}: an element of the list {@code what}. */
    private Object scalar(Node node, Class<?> type, String what, boolean item) {
        Object v = YamlValues.value(node);
        if (type == String.class) {
            if (v instanceof String s && !s.isBlank()) {
                return s;
            }
            problems.add(node, what + " must be " + (item ? "non-empty strings" : "a non-empty string") + ", got "
                    + (v == null ? "nothing" : "'" + v + "'"));
        } else if (type == Integer.class || type == Long.class) {
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && (type == Long.class || n.longValue() == n.intValue())) {
                return type == Long.class ? (Object) n.longValue() : (Object) n.intValue();
            }
            problems.add(node, what + " must be " + (item ? "integers" : "an integer") + ", got '" + v + "'");
        } else if (type == Double.class) {
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            problems.add(node, what + " must be " + (item ? "numbers" : "a number") + ", got '" + v + "'");
        } else if (type == Boolean.class) {
            if (v instanceof Boolean b) {
                return b;
            }
            problems.add(node, what + " must be true or false");
        } else {
            throw new IllegalStateException("an experiment file's records take no " + type.getSimpleName());
        }
        return null;
    }
}
