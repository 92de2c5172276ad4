package dev.digits.core.dataset;

import java.nio.file.Path;

/** A file of a corpus that was skipped, and why. */
public record BadFile(Path path, String problem) {
    @Override
    public String toString() {
        return path + ": " + problem;
    }
}
