package dev.digits.core.fetch;

import dev.digits.api.plugin.Plugin;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Pre-trained files a plugin needs (model weights), installable by name with {@code digits data fetch NAME}
 * ahead of first use, for example from a copy on an air-gapped machine. Registered in
 * {@code META-INF/services/dev.digits.core.fetch.ModelFilesProvider}.
 */
public interface ModelFilesProvider extends Plugin {

    /**
     * Installs (or finds installed) and verifies the files.
     *
     * @param from an explicit source tried first (a file, folder or URL), or {@code null}
     * @return the folder holding them
     * @throws IOException one line: what was tried and the ways out
     */
    Path install(String from) throws IOException;
}
