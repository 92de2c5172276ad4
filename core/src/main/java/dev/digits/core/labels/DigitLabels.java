package dev.digits.core.labels;

import java.util.ArrayList;
import java.util.List;

/**
 * The classes a model predicts, by index: the digits 0-9, then {@link #OTHER}, the class of speech that is not a
 * digit (Speech Commands' other words), which a model has only when it was trained with such speech.
 */
public final class DigitLabels {
    /** The class index of speech that is not a digit: one past the digits. */
    public static final int OTHER = 10;
    /** The label of {@link #OTHER}. */
    public static final String OTHER_LABEL = "?";

    private DigitLabels() {
    }

    /** A class index's label: the digit, or {@code ?} for {@link #OTHER}. */
    public static String name(int cls) {
        if (cls < 0 || cls > OTHER) {
            throw new IllegalArgumentException("no class " + cls + " (classes are the digits 0-9 and " + OTHER
                    + " for speech that is not a digit)");
        }
        return cls == OTHER ? OTHER_LABEL : Integer.toString(cls);
    }

    /** The labels of a model of {@code numClasses} classes, in class order. */
    public static List<String> of(int numClasses) {
        List<String> labels = new ArrayList<>(numClasses);
        for (int c = 0; c < numClasses; c++) {
            labels.add(name(c));
        }
        return labels;
    }

    /** Whether a model of these labels has the class of speech that is not a digit (always the last). */
    public static boolean hasOther(List<String> labels) {
        return labels.size() == OTHER + 1 && OTHER_LABEL.equals(labels.get(OTHER));
    }

    /**
     * Whether labels are ones a model bundle may hold: the digits in order, "0", "1", ..., each once (at least two),
     * then optionally {@code ?} after all ten.
     */
    public static boolean valid(List<String> labels) {
        int digits = hasOther(labels) ? OTHER : labels.size();
        if (digits < 2 || digits > OTHER) {
            return false;
        }
        for (int i = 0; i < digits; i++) {
            if (!Integer.toString(i).equals(labels.get(i))) {
                return false;
            }
        }
        return true;
    }
}
