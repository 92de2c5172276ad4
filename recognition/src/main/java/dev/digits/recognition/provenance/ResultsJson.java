package dev.digits.recognition.provenance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import dev.digits.api.params.Parameters;
import java.nio.file.Path;
import java.util.Map;

/**
 * The JSON form of the records here: indented, fields in record order. Reading ignores fields this version
 * does not know (files from older or newer versions) and turns any parse or shape problem into one line that
 * names the file and where it went wrong.
 */
public final class ResultsJson {
    /** The mapper every record here is written and read with. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .addMixIn(Parameters.class, ParametersAsMap.class)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ResultsJson() {
    }

    /** Resolved plugin parameters are written as their name-to-value map and read back from one. */
    private abstract static class ParametersAsMap {
        @JsonCreator
        static Parameters of(Map<String, ?> values) {
            return Parameters.of(values);
        }

        @JsonValue
        abstract Map<String, Object> asMap();
    }

    public static byte[] write(Object record) throws IOException {
        return MAPPER.writeValueAsBytes(record);
    }

    /**
     * Reads {@code bytes} (the content of {@code source}) as a {@code type}.
     *
     * @param what what the file should be, for the message: {@code cell record}, {@code bundle.json}
     * @throws IOException one line: the file, what it should be, and the parser's reason with its line
     */
    public static <T> T read(byte[] bytes, Class<T> type, Path source, String what) throws IOException {
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new IOException(source + ": malformed " + what + " (empty)");
            }
            return value;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new IOException(source + ": malformed " + what + " (" + where + e.getOriginalMessage()
                    .lines().findFirst().orElse("") + ")", e);
        }
    }
}
