package dev.digits.spark;

import dev.digits.core.dataset.CorpusEntry;

import java.io.Serializable;
import java.nio.file.Path;

/** A corpus entry as sent to an executor (a path string: the file is on storage every executor reads). */
record ShippedClip(String path, int digit, String speaker, int index) implements Serializable {

    static ShippedClip of(CorpusEntry e) {
        return new ShippedClip(e.path().toString(), e.digit(), e.speaker(), e.index());
    }

    CorpusEntry entry() {
        return new CorpusEntry(Path.of(path), digit, speaker, index);
    }
}
