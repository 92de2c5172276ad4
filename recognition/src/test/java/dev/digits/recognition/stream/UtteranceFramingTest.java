package dev.digits.recognition.stream;

import dev.digits.api.params.Parameters;
import dev.digits.recognition.provenance.RunProvenance;
import dev.digits.recognition.provenance.RunProvenance.AugmentationProvenance;
import dev.digits.recognition.provenance.RunProvenance.StepProvenance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The room around an utterance follows the room the model's training clips had. */
class UtteranceFramingTest {

    private static RunProvenance trainedWith(StepProvenance... steps) {
        return new RunProvenance("e", "e.yaml", null, null, null, new AugmentationProvenance("a", 4, 1L, List.of(steps)),
                null, 1, null, null, null, null, null, null);
    }

    private static StepProvenance shift(double before, double after) {
        return new StepProvenance("shift", 1, Parameters.of(Map.of("before", List.of(0.0, before),
                "after", List.of(0.0, after))));
    }

    @Test
    void tightClipsGetTheDefaultsAndShiftedCopiesTheirMostRoom() {
        VoiceActivityDetector.Settings d = VoiceActivityDetector.Settings.defaults();
        VoiceActivityDetector.Settings none = UtteranceFraming.defaultsFor((RunProvenance) null);
        assertEquals(d, none);
        StepProvenance noise = new StepProvenance("noise", 0.8, Parameters.of(Map.of("snr", List.of(0.0, 25.0))));
        assertEquals(d, UtteranceFraming.defaultsFor(trainedWith(noise)));
        VoiceActivityDetector.Settings roomy = UtteranceFraming.defaultsFor(trainedWith(shift(0.15, 0.25), noise));
        assertEquals(150, roomy.prerollMs());
        assertEquals(250, roomy.postrollMs());
        assertEquals(d.hangoverMs(), roomy.hangoverMs());
        // less room than the defaults keeps the defaults
        VoiceActivityDetector.Settings tight = UtteranceFraming.defaultsFor(trainedWith(shift(0.03, 0.02)));
        assertEquals(d.prerollMs(), tight.prerollMs());
        assertEquals(d.postrollMs(), tight.postrollMs());
    }
}
