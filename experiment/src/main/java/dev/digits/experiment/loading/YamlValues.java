package dev.digits.experiment.loading;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** YAML nodes as plain Java values: String, Integer or Long, Double, Boolean, null, List and Map. */
final class YamlValues {
    private YamlValues() {
    }

    static Object value(Node node) {
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            for (Node n : seq.getValue()) {
                list.add(value(n));
            }
            return list;
        }
        if (node instanceof MappingNode m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                map.put(String.valueOf(value(t.getKeyNode())), value(t.getValueNode()));
            }
            return map;
        }
        return null;
    }

    private static Object scalar(ScalarNode s) {
        Tag tag = s.getTag();
        String text = s.getValue();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            String t = text.toLowerCase(Locale.ROOT);
            return t.equals("true") || t.equals("yes") || t.equals("on");
        }
        if (Tag.INT.equals(tag)) {
            try {
                long l = Long.parseLong(text.replace("_", ""));
                return l == (int) l ? (Object) (int) l : (Object) l;
            } catch (NumberFormatException e) {
                return text;
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return Double.parseDouble(text.replace("_", ""));
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    /** A key node's text. */
    static String key(Node keyNode) {
        return keyNode instanceof ScalarNode s ? s.getValue() : String.valueOf(keyNode);
    }
}
