package dev.digits.training;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.ModelSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ModelSpec} as one line of text ({@code type;key=value;...}), for saving it inside a model file.
 * Values are written so that {@link ClassifierProvider#spec} reads them back: lists as {@code [a, b]}, maps
 * as {@code {k=v, ...}}, absent values as {@code null}.
 */
public final class ModelSpecText {
    private ModelSpecText() {
    }

    public static String encode(ModelSpec spec) {
        StringBuilder sb = new StringBuilder(spec.type());
        for (Map.Entry<String, Object> e : spec.parameters().asMap().entrySet()) {
            String v = e.getValue() == null ? "null" : String.valueOf(e.getValue());
            if (v.contains(";")) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " contains ';'");
            }
            sb.append(';').append(e.getKey()).append('=').append(v);
        }
        return sb.toString();
    }

    /** The model type of an encoded spec. */
    public static String type(String encoded) {
        int i = encoded.indexOf(';');
        return i < 0 ? encoded : encoded.substring(0, i);
    }

    /** The raw parameter values of an encoded spec: strings, and maps for {@code {k=v}} values. */
    public static Map<String, Object> parameters(String encoded) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> parts = List.of(encoded.split(";"));
        for (String part : parts.subList(1, parts.size())) {
            int eq = part.indexOf('=');
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            if (value.equals("null")) {
                out.put(key, null);
            } else if (value.startsWith("{") && value.endsWith("}")) {
                Map<String, Object> m = new LinkedHashMap<>();
                String body = value.substring(1, value.length() - 1).trim();
                if (!body.isEmpty()) {
                    for (String kv : body.split(",")) {
                        String[] p = kv.split("=", 2);
                        m.put(p[0].trim(), p[1].trim());
                    }
                }
                out.put(key, m);
            } else {
                out.put(key, value);
            }
        }
        return out;
    }

    /** Decodes with the provider's parameter definitions. */
    public static ModelSpec decode(ClassifierProvider provider, String encoded) {
        return provider.spec(type(encoded), parameters(encoded));
    }
}
