package dev.digits.features.embedding;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole-clip rewrite of the embedding model gives the window-by-window numbers. */
class WholeClipGraphTest {

    private static float[][] mel(SpeechEmbeddingModel model, int samples, long seed) {
        Random random = new Random(seed);
        float[] audio = new float[samples];
        for (int i = 0; i < samples; i++) {
            // a tone sweeping over noise, at int16 scale
            audio[i] = (float) (3000 * Math.sin(i * (0.05 + i * 2e-6)) + 200 * random.nextGaussian());
        }
        return model.mel(audio);
    }

    @Test
    void everyMultipleOfTheStrideGivesTheWindowByWindowEmbeddings() throws Exception {
        SpeechEmbeddingModel model = SpeechEmbeddingModel.in(TestModels.folder());
        // 1.76 s (173 frames), one window exactly (76 frames), and lengths that leave frames unused
        for (int samples : new int[] {28160, 512 + 75 * 160, 20000, 41234}) {
            float[][] mel = mel(model, samples, samples);
            for (int step : new int[] {8, 16, 24, 40}) {
                float[][] windows = model.embedWindows(mel, step);
                float[][] whole = model.embedWholeClip(mel, step);
                assertEquals(windows.length, whole.length, samples + " samples, step " + step + ": windows");
                assertTrue(windows.length >= 1);
                double worst = 0;
                for (int w = 0; w < windows.length; w++) {
                    for (int k = 0; k < SpeechEmbeddingModel.DIMENSIONS; k++) {
                        worst = Math.max(worst, Math.abs(windows[w][k] - whole[w][k]));
                    }
                }
                // the same arithmetic, summed in a different order: float rounding only (values span about +-20)
                assertTrue(worst < 1e-3, samples + " samples, step " + step + ": differ by " + worst);
            }
        }
    }

    @Test
    void fewerFramesThanOneWindowGiveNoEmbeddings() throws Exception {
        SpeechEmbeddingModel model = SpeechEmbeddingModel.in(TestModels.folder());
        assertEquals(0, model.embedWholeClip(mel(model, 512 + 74 * 160, 1), 8).length);
    }

    @Test
    void theRewriteChangesOnlyTheInputShapeAndTheFirstReshape() throws Exception {
        byte[] original = Files.readAllBytes(TestModels.folder().resolve(SpeechModelFiles.EMBEDDING));
        // the wire codec keeps a file it does not change byte for byte
        assertArrayEquals(original, ProtoMessage.parse(original).toBytes());
        byte[] rewritten = WholeClipGraph.from(original);
        // [-1, 1, 76, 32] became [0, 1, -1, 32], and the dim 76 (3 bytes) the name "frames" (9 bytes)
        assertEquals(original.length + 6, rewritten.length);
    }

    @Test
    void anotherModelIsRefusedWithTheReason() throws Exception {
        byte[] mel = Files.readAllBytes(TestModels.folder().resolve(SpeechModelFiles.MEL));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WholeClipGraph.from(mel));
        assertTrue(e.getMessage().startsWith("embedding_model.onnx is not the pinned speech_embedding graph"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WholeClipGraph.from(new byte[] {(byte) 0x8a, 1, 2}));
    }
}
