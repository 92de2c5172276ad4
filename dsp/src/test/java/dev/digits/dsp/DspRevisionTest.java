package dev.digits.dsp;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.Features;
import dev.digits.api.params.Parameters;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Guards the rule that shared DSP numbers never change silently: a fingerprint of every function's output on
 * fixed inputs is recorded for the current {@link DspRevision}. A change that moves any number fails here until
 * the revision is raised and the new fingerprint recorded (which raises every dependent extractor's revision).
 */
class DspRevisionTest {
    /** Fingerprints by revision; add a line when raising {@link DspRevision#CURRENT}. */
    private static final Map<Integer, String> FINGERPRINTS = Map.of(
            1, "a403c0014a6137f0");

    @Test
    void sharedDspOutputMatchesTheFingerprintOfTheCurrentRevision() throws Exception {
        String actual = fingerprint();
        assertEquals(FINGERPRINTS.get(DspRevision.CURRENT), actual, "the shared DSP code now gives other numbers than "
                + "revision " + DspRevision.CURRENT + " did: raise DspRevision.CURRENT and record this fingerprint for it");
    }

    @Test
    void extractorRevisionsGrowWithTheSharedRevision() {
        assertEquals(2 + DspRevision.CURRENT - 1, DspRevision.of(2));
        assertThrows(IllegalArgumentException.class, () -> DspRevision.of(0));
    }

    private static String fingerprint() throws Exception {
        StringBuilder text = new StringBuilder();
        int rows = 5;
        int cols = 23;
        double[] m = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r * cols + c] = (r + 1) * Math.sin(0.37 * c + r) + 3 * r - 0.01 * c * c;
            }
        }
        List<Map<String, ?>> settings = List.of(
                Map.of("pooling", "mean"), Map.of("pooling", "mean-std"), Map.of("pooling", "none", "frames", 30),
                Map.of("pooling", "none", "frames", 12, "frames_fit", "stretch"),
                Map.of("pooling", "flatten", "frames", 16, "deltas", 2, "delta_width", 5),
                Map.of("pooling", "none", "deltas", 1, "cmvn", "mean-var"),
                Map.of("pooling", "mean-std", "cmvn", "mean"));
        for (Map<String, ?> s : settings) {
            FrameProcessing p = FrameProcessing.from(Parameters.resolve(FrameProcessing.parameters(), s, "test"));
            Features f = p.apply(m, rows, cols, () -> new double[] {-1, -2, -3, -4, -5});
            append(text, f.values());
        }
        float[] samples = new float[4000];
        for (int i = 0; i < samples.length; i++) {
            double envelope = i > 1200 && i < 2900 ? 0.5 : 0.001;
            samples[i] = (float) (envelope * Math.sin(i * 0.21) + 0.0005 * Math.cos(i * 1.3));
        }
        for (double db : new double[] {20, 40, 60}) {
            SilenceTrim trim = SilenceTrim.from(Parameters.resolve(List.of(SilenceTrim.parameter()), Map.of("trim_db", db),
                    "test"));
            append(text, trim.apply(AudioClip.of(samples, 8000)).samples());
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 16);
    }

    /** Six significant digits: a real change moves far more, a last-bit difference of a math intrinsic does not. */
    private static void append(StringBuilder text, float[] values) {
        text.append(values.length).append(':');
        for (float v : values) {
            text.append(String.format(Locale.ROOT, "%.5e,", v));
        }
        text.append('\n');
    }
}
