package dev.digits.app;

import dev.digits.core.dataset.DatasetLocator;

import java.nio.file.Files;
import java.nio.file.Path;

/** A small corpus in the FSDD layout, copied from the real FSDD: a few speakers x 10 digits x N recordings. */
final class MiniCorpus {
    private MiniCorpus() {
    }

    /** Copies recordings 0..perDigit-1 of george, jackson and lucas into {@code dir/mini/recordings}. */
    static Path create(Path dir, int perDigit) throws Exception {
        Path fsdd = DatasetLocator.defaults().locate("fsdd").resolve("recordings");
        Path rec = Files.createDirectories(dir.resolve("mini/recordings"));
        for (String speaker : new String[] {"george", "jackson", "lucas"}) {
            for (int d = 0; d < 10; d++) {
                for (int i = 0; i < perDigit; i++) {
                    String name = d + "_" + speaker + "_" + i + ".wav";
                    Files.copy(fsdd.resolve(name), rec.resolve(name));
                }
            }
        }
        return dir.resolve("mini");
    }
}
