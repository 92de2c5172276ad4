package dev.digits.app.commands;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The error counts of {@code bench stream}: the fewest edits, by kind. */
class StreamBenchmarkTest {
    @Test
    void editsAreCountedByKind() {
        assertEquals(new StreamBenchmark.Errors(0, 0, 0), StreamBenchmark.Errors.between("40712", "40712"));
        assertEquals(new StreamBenchmark.Errors(0, 1, 0), StreamBenchmark.Errors.between("40712", "4072"));
        assertEquals(new StreamBenchmark.Errors(1, 0, 0), StreamBenchmark.Errors.between("40712", "407712"));
        assertEquals(new StreamBenchmark.Errors(0, 0, 1), StreamBenchmark.Errors.between("40712", "40?12"));
        assertEquals(new StreamBenchmark.Errors(0, 5, 0), StreamBenchmark.Errors.between("40712", ""));
        assertEquals(new StreamBenchmark.Errors(2, 0, 0), StreamBenchmark.Errors.between("", "13"));
        StreamBenchmark.Errors mixed = StreamBenchmark.Errors.between("123456", "1x3456789");
        assertEquals(4, mixed.total());
        assertEquals(1, mixed.substitutions());
        assertEquals(3, mixed.insertions());
    }
}
