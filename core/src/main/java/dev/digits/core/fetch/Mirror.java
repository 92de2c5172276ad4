package dev.digits.core.fetch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The download mirror a user configured with {@code DIGITS_MIRROR} (or the system property {@code digits.mirror}):
 * a base URL or a local folder holding upstream archives under their upstream file names
 * ({@code v1.0.10.tar.gz} for FSDD). Tried before upstream for every download, for corporate proxies and
 * machines without internet.
 */
public record Mirror(String base) {

    /** The configured mirror, if any. */
    public static Optional<Mirror> configured() {
        String value = System.getProperty("digits.mirror");
        if (value == null || value.isBlank()) {
            value = System.getenv("DIGITS_MIRROR");
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Mirror(value.trim()));
    }

    /** Where this mirror keeps {@code fileName}: a URL, or a path in the mirror folder. */
    public String locate(String fileName) {
        if (isUrl(base)) {
            return base.endsWith("/") ? base + fileName : base + "/" + fileName;
        }
        return Path.of(base).resolve(fileName).toString();
    }

    /** Whether a source is a URL rather than a local path. */
    public static boolean isUrl(String source) {
        return source.startsWith("http://") || source.startsWith("https://") || source.startsWith("file:");
    }
}
