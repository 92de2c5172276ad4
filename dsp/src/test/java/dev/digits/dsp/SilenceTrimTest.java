package dev.digits.dsp;

import dev.digits.api.audio.AudioClip;

import dev.digits.api.params.Parameters;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SilenceTrimTest {
    private static SilenceTrim trim(Object db) {
        Map<String, Object> raw = new java.util.HashMap<>();
        raw.put("trim_db", db);
        return SilenceTrim.from(Parameters.resolve(List.of(SilenceTrim.parameter()), raw, "test"));
    }

    /** 0.3 s of quiet noise, 0.5 s of tone, 0.2 s of quiet noise at 8 kHz. */
    private static AudioClip padded() {
        float[] x = new float[8000];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < x.length; i++) {
            boolean tone = i >= 2400 && i < 6400;
            x[i] = tone ? (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 8000.0)) : (float) (1e-4 * r.nextGaussian());
        }
        return new AudioClip(x, 8000, 4, "s", "padded");
    }

    @Test
    void cutsQuietLeadAndTailToWithinAFrameOfTheSound() {
        AudioClip t = trim(40).apply(padded());
        assertTrue(Math.abs(t.length() - 4000) <= 2 * 160, "trimmed to " + t.length());
        assertEquals(Integer.valueOf(4), t.label().orElseThrow());
        double peak = 0;
        for (int i = 0; i < 40; i++) {
            peak = Math.max(peak, Math.abs(t.samples()[t.length() / 2 + i]));
        }
        assertTrue(peak > 0.4, "the tone is kept");
    }

    @Test
    void offByDefaultAndLeavesSilenceOrAllLoudClipsAlone() {
        AudioClip clip = padded();
        assertSame(clip, SilenceTrim.from(Parameters.resolve(List.of(SilenceTrim.parameter()), Map.of(), "test")).apply(clip));
        AudioClip silent = AudioClip.of(new float[800], 8000);
        assertSame(silent, trim(40).apply(silent));
        // at 120 dB the quiet noise (-74 dB) counts as sound: nothing to cut
        assertEquals(8000, trim(120).apply(clip).length());
    }
}
