package dev.digits.core.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The local FSDD copy the tests use ({@code shared/datasets/fsdd} beside the checkout). */
final class Fsdd {
    private static Corpus corpus;

    private Fsdd() {
    }

    static synchronized Corpus corpus() {
        if (corpus == null) {
            try {
                Path root = DatasetLocator.defaults().locate("fsdd");
                corpus = Corpus.open(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return corpus;
    }
}
