package dev.digits.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.digits.recognition.RankedDigit;

import java.util.List;

/**
 * One recording's answer from {@code POST /v1/recognize}: the digit, or the error that stopped it (in a multipart
 * upload, where the other files still get their digits).
 *
 * @param file         the upload's file name, or {@code null} for a plain WAV body
 * @param digit        the digit; {@code -} when the recording holds no speech ({@code noSpeech} says why); {@code ?}
 *                     for speech that is not a digit, or a digit below the model's confidence threshold
 *                     ({@code reason} says which)
 * @param milliseconds time to recognise it, waiting for a worker excluded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recognized(String file, String digit, Float confidence, List<RankedDigit> top, List<String> warnings,
                         String noSpeech, String reason, String extractor, String model, Double milliseconds,
                         String error, Integer status) {

    static Recognized failed(String file, ApiException e) {
        return new Recognized(file, null, null, null, null, null, null, null, null, null, e.getMessage(), e.status());
    }
}
