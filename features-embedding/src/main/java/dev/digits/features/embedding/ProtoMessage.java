package dev.digits.features.embedding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One protocol-buffers message as its list of fields in wire format, enough to read and rewrite a few fields of
 * an ONNX model file without the ONNX schema classes. Unknown content is kept byte for byte.
 */
final class ProtoMessage {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    /** A field: its number, wire type and value (a varint's value, or the raw bytes of the other types). */
    record Field(int number, int wireType, long varint, byte[] bytes) {
        ProtoMessage message() {
            return parse(bytes);
        }

        String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final List<Field> fields;

    private ProtoMessage(List<Field> fields) {
        this.fields = fields;
    }

    static ProtoMessage parse(byte[] b) {
        List<Field> fields = new ArrayList<>();
        int[] at = {0};
        while (at[0] < b.length) {
            long key = readVarint(b, at);
            int number = (int) (key >>> 3);
            int type = (int) (key & 7);
            switch (type) {
                case VARINT -> fields.add(new Field(number, type, readVarint(b, at), null));
                case FIXED64 -> fields.add(new Field(number, type, 0, slice(b, at, 8)));
                case FIXED32 -> fields.add(new Field(number, type, 0, slice(b, at, 4)));
                case LENGTH_DELIMITED -> fields.add(new Field(number, type, 0, slice(b, at, (int) readVarint(b, at))));
                default -> throw new IllegalArgumentException("not a protocol-buffers message (wire type " + type
                        + " at byte " + at[0] + ")");
            }
        }
        return new ProtoMessage(fields);
    }

    /** A message of one text field. */
    static ProtoMessage ofString(int number, String value) {
        return new ProtoMessage(List.of(new Field(number, LENGTH_DELIMITED, 0, value.getBytes(StandardCharsets.UTF_8))));
    }

    /** The fields with this number, in order. */
    List<Field> all(int number) {
        return fields.stream().filter(f -> f.number() == number).toList();
    }

    /** The first length-delimited field with this number, as text; empty when absent. */
    String string(int number) {
        return all(number).stream().findFirst().map(Field::string).orElse("");
    }

    /** A copy with {@code old} (one of this message's fields, by identity) replaced by a message field. */
    ProtoMessage replace(Field old, ProtoMessage value) {
        return replace(old, value.toBytes());
    }

    /** A copy with {@code old} (one of this message's fields, by identity) replaced by a length-delimited value. */
    ProtoMessage replace(Field old, byte[] value) {
        List<Field> copy = new ArrayList<>(fields);
        copy.set(indexOf(old), new Field(old.number(), LENGTH_DELIMITED, 0, value));
        return new ProtoMessage(copy);
    }

    private int indexOf(Field field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) == field) {
                return i;
            }
        }
        throw new IllegalArgumentException("field " + field.number() + " is not in this message");
    }

    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field f : fields) {
            writeVarint(out, ((long) f.number() << 3) | f.wireType());
            if (f.wireType() == VARINT) {
                writeVarint(out, f.varint());
            } else {
                if (f.wireType() == LENGTH_DELIMITED) {
                    writeVarint(out, f.bytes().length);
                }
                out.writeBytes(f.bytes());
            }
        }
        return out.toByteArray();
    }

    private static long readVarint(byte[] b, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= b.length) {
                throw new IllegalArgumentException("not a protocol-buffers message (truncated varint)");
            }
            int c = b[at[0]++];
            value |= (long) (c & 0x7f) << shift;
            if ((c & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("not a protocol-buffers message (varint too long)");
    }

    private static byte[] slice(byte[] b, int[] at, int length) {
        if (length < 0 || at[0] + length > b.length) {
            throw new IllegalArgumentException("not a protocol-buffers message (field runs past the end)");
        }
        byte[] s = new byte[length];
        System.arraycopy(b, at[0], s, 0, length);
        at[0] += length;
        return s;
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
