package dev.digits.app;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model bundles the tests share, trained the way a user would with {@code digits train}. */
final class TestBundles {
    private TestBundles() {
    }

    /**
     * A Tribuo SVM on mean MFCCs at the clips' own rate (8 kHz), trained on FSDD's official training part (2700
     * clips), written to {@code dir/svm.digits}.
     */
    static Path officialSvm(Path dir) throws Exception {
        Path yaml = dir.resolve("svm.yaml");
        Files.writeString(yaml, """
                name: svm
                dataset: {name: fsdd}
                protocol: {type: official}
                cache: false
                extractors: [{id: native-mean, type: mfcc-librosa, params: {sr: native, pooling: mean}}]
                models: [{id: svm, backend: tribuo, spec: {type: svm}}]
                """);
        Path bundle = dir.resolve("svm.digits");
        AppRunner.Result r = AppRunner.run("train", "--config", yaml.toString(), "--split", "train", "--out", bundle.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("on native-mean: 2700 clips"), r.out());
        return bundle;
    }
}
