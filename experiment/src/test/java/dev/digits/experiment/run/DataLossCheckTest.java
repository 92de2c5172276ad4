package dev.digits.experiment.run;

import dev.digits.experiment.run.DataLossCheck.DataLossException;
import dev.digits.core.dataset.BadFile;
import dev.digits.core.dataset.Fold;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataLossCheckTest {
    private static Fold fold(String name, int train, int test) {
        return new Fold(name, IntStream.range(0, train).toArray(), IntStream.range(train, train + test).toArray());
    }

    private static final List<BadFile> SKIPPED = List.of(new BadFile(Path.of("a/1_x_0.wav"), "cannot be read (disk full)"));

    @Test
    void aFewSkippedClipsAreFine() {
        assertDoesNotThrow(() -> DataLossCheck.check(3000, 2990, SKIPPED, List.of(fold("official", 2700, 300)),
                List.of(fold("official", 2691, 299))));
    }

    @Test
    void mostClipsLostStopsTheRun() {
        // the probe: a 1 MB cache disk left 255 of 3000 clips, and the run reported 100% on 229/26
        DataLossException e = assertThrows(DataLossException.class, () -> DataLossCheck.check(3000, 255, SKIPPED,
                List.of(fold("official", 2700, 300)), List.of(fold("official", 229, 26))));
        assertTrue(e.getMessage().contains("2745 of 3000 clips could not be used"), e.getMessage());
        assertTrue(e.getMessage().contains("1_x_0.wav"), "names the first skipped file: " + e.getMessage());
    }

    @Test
    void aLostFoldStopsTheRun() {
        List<Fold> planned = List.of(fold("speaker=a", 400, 100), fold("speaker=b", 400, 100), fold("speaker=c", 400, 100));
        DataLossException e = assertThrows(DataLossException.class, () -> DataLossCheck.check(1500, 1490, SKIPPED,
                planned, planned.subList(0, 2)));
        assertTrue(e.getMessage().contains("2 folds where the plan had 3"), e.getMessage());
    }

    @Test
    void anEmptyOrShrunkFoldStopsTheRun() {
        List<Fold> planned = List.of(fold("speaker=a", 900, 100), fold("speaker=b", 900, 100));
        DataLossException empty = assertThrows(DataLossException.class, () -> DataLossCheck.check(10000, 9990, SKIPPED,
                planned, List.of(fold("speaker=a", 900, 100), fold("speaker=b", 900, 0))));
        assertTrue(empty.getMessage().contains("fold 'speaker=b' has 0 test clips"), empty.getMessage());
        assertThrows(DataLossException.class, () -> DataLossCheck.check(10000, 9990, SKIPPED, planned,
                List.of(fold("speaker=a", 900, 40), fold("speaker=b", 900, 100))));
    }
}
