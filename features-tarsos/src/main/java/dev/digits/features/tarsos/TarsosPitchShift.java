package dev.digits.features.tarsos;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;
import be.tarsos.dsp.PitchShifter;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import dev.digits.api.audio.AudioClip;
import dev.digits.api.augment.AudioAugmentation;
import dev.digits.api.params.Parameters;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Shifts the pitch by a number of semitones drawn from a range, keeping the duration and timing: TarsosDSP's
 * phase-vocoder {@code PitchShifter} (every frequency scaled, as by {@code speed}, but the tempo unchanged) over
 * ~64 ms frames with 4x overlap.
 */
public final class TarsosPitchShift implements AudioAugmentation {
    private static final float HEADROOM = 0.25f;
    private final Parameters parameters;
    private final double[] semitones;

    TarsosPitchShift(Parameters parameters) {
        this.parameters = parameters;
        this.semitones = parameters.getRange("semitones");
    }

    @Override
    public String name() {
        return TarsosPitchShiftProvider.NAME;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public AudioClip apply(AudioClip clip, RandomGenerator random) {
        double st = semitones[0] + (semitones[1] - semitones[0]) * random.nextDouble();
        return clip.withSamples(shift(clip.samples(), clip.sampleRate(), st), clip.sampleRate());
    }

    /** {@code samples} with the pitch moved by {@code semitones}, the same length as the input. */
    static float[] shift(float[] samples, int sampleRate, double semitones) {
        if (semitones == 0 || samples.length == 0) {
            return samples.clone();
        }
        int size = Integer.highestOneBit(Math.max(256, sampleRate / 16)); // ~64 ms frames: 512 at 8 kHz
        int hop = size / 4;
        // TarsosDSP prints "Clipping!" for every output sample beyond [-1, 1]: work at a quarter of the scale, then restore
        float[] input = new float[samples.length + size];
        for (int i = 0; i < samples.length; i++) {
            input[i] = samples[i] * HEADROOM;
        }
        AudioDispatcher dispatcher;
        try {
            dispatcher = AudioDispatcherFactory.fromFloatArray(input, sampleRate, size, size - hop);
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("TarsosDSP cannot take " + sampleRate + " Hz audio: " + e.getMessage(), e);
        }
        dispatcher.addAudioProcessor(new PitchShifter(Math.pow(2, semitones / 12), sampleRate, size, size - hop));
        float[] out = new float[input.length + size];
        int[] written = {0};
        dispatcher.addAudioProcessor(new AudioProcessor() {
            @Override
            public boolean process(AudioEvent event) {
                // each event's buffer holds the newest hop of output at its end
                float[] b = event.getFloatBuffer();
                int n = Math.min(hop, out.length - written[0]);
                System.arraycopy(b, b.length - hop, out, written[0], Math.max(0, n));
                written[0] += Math.max(0, n);
                return true;
            }

            @Override
            public void processingFinished() {
            }
        });
        dispatcher.run();
        float[] result = new float[samples.length];
        for (int i = 0; i < result.length; i++) {
            // output is aligned with the input (a tone burst at 3000-5000 comes back at about 2890-4975)
            result[i] = i < written[0] ? out[i] / HEADROOM : 0;
        }
        return result;
    }
}
