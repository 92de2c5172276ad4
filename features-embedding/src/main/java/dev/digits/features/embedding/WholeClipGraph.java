package dev.digits.features.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * {@code embedding_model.onnx} rewritten to take any number of mel frames instead of exactly 76. The network is
 * convolutional in time with no padding in time and three time poolings of stride 2, so run on a whole clip's
 * frames it gives, in one pass, the embeddings of every 76-frame window starting at a multiple of
 * {@link #STRIDE} frames: the same numbers as running those windows one by one, at a fraction of the cost since
 * overlapping windows share their work. Only the declared input shape and the first reshape's target change;
 * every weight and operator stays as published (the file on disk is not touched).
 */
final class WholeClipGraph {
    /** Mel frames between the whole-clip graph's outputs: the product of the network's time strides. */
    static final int STRIDE = 8;

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OP_TYPE = 4;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int VALUE_NAME = 1;
    private static final int VALUE_TYPE = 2;
    private static final int TYPE_TENSOR = 1;
    private static final int TENSOR_TYPE_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_PARAM = 2;

    private WholeClipGraph() {
    }

    /**
     * The rewritten model.
     *
     * @throws IllegalArgumentException when {@code model} is not the speech_embedding graph this expects
     */
    static byte[] from(byte[] model) {
        ProtoMessage root = ProtoMessage.parse(model);
        ProtoMessage.Field graphField = only(root, MODEL_GRAPH, "graph");
        ProtoMessage graph = graphField.message();

        ProtoMessage.Field inputField = only(graph, GRAPH_INPUT, "input");
        ProtoMessage input = inputField.message();
        String inputName = input.string(VALUE_NAME);

        // the first node reshapes [n, 76, 32, 1] to [n, 1, 76, 32]; make it [n, 1, frames, 32]
        ProtoMessage.Field reshape = graph.all(GRAPH_NODE).stream()
                .filter(n -> n.message().string(NODE_OP_TYPE).equals("Reshape")
                        && n.message().all(NODE_INPUT).get(0).string().equals(inputName))
                .findFirst()
                .orElseThrow(() -> unexpected("no Reshape of the input"));
        String shapeName = reshape.message().all(NODE_INPUT).get(1).string();
        ProtoMessage.Field shapeField = graph.all(GRAPH_INITIALIZER).stream()
                .filter(t -> t.message().string(TENSOR_NAME).equals(shapeName))
                .findFirst()
                .orElseThrow(() -> unexpected("no initializer " + shapeName));
        ProtoMessage shape = shapeField.message();
        ProtoMessage.Field raw = only(shape, TENSOR_RAW_DATA, "raw_data of " + shapeName);
        long[] target = longs(raw.bytes());
        if (!Arrays.equals(target, new long[] {-1, 1, SpeechEmbeddingModel.WINDOW_FRAMES, SpeechEmbeddingModel.BANDS})) {
            throw unexpected("input reshape " + Arrays.toString(target));
        }
        // 0 copies the batch size from the input; -1 takes whatever number of frames is given
        shape = shape.replace(raw, bytes(0, 1, -1, SpeechEmbeddingModel.BANDS));

        // declare the input's frame dimension free
        ProtoMessage.Field typeField = only(input, VALUE_TYPE, "input type");
        ProtoMessage type = typeField.message();
        ProtoMessage.Field tensorField = only(type, TYPE_TENSOR, "input tensor type");
        ProtoMessage tensor = tensorField.message();
        ProtoMessage.Field dimsField = only(tensor, TENSOR_TYPE_SHAPE, "input shape");
        ProtoMessage dims = dimsField.message();
        if (dims.all(SHAPE_DIM).size() != 4) {
            throw unexpected("input rank " + dims.all(SHAPE_DIM).size());
        }
        ProtoMessage.Field frameDim = dims.all(SHAPE_DIM).get(1);
        dims = dims.replace(frameDim, ProtoMessage.ofString(DIM_PARAM, "frames"));
        tensor = tensor.replace(dimsField, dims);
        type = type.replace(tensorField, tensor);
        input = input.replace(typeField, type);

        graph = graph.replace(inputField, input).replace(shapeField, shape);
        return root.replace(graphField, graph).toBytes();
    }

    private static ProtoMessage.Field only(ProtoMessage m, int number, String what) {
        var all = m.all(number);
        if (all.size() != 1) {
            throw unexpected(all.size() + " fields for " + what);
        }
        return all.get(0);
    }

    private static long[] longs(byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long[] v = new long[raw.length / Long.BYTES];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getLong();
        }
        return v;
    }

    private static byte[] bytes(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    private static IllegalArgumentException unexpected(String what) {
        return new IllegalArgumentException("embedding_model.onnx is not the pinned speech_embedding graph: " + what);
    }
}
