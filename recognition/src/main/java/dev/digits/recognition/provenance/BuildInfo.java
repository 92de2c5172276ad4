package dev.digits.recognition.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of digits and the git commit it was built from, as the build recorded them (never typed in):
 * {@code build.properties}, filled in by Maven. A build outside a git checkout has no commit.
 *
 * @param gitCommit {@code null} when the build was not made in a git checkout
 * @param gitDirty  whether the checkout had uncommitted edits to tracked files; {@code null} with no commit
 */
public record BuildInfo(String version, String gitCommit, Boolean gitDirty) {
    private static final BuildInfo CURRENT = load();

    /** This build's facts. */
    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the digits build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String commit = filled(p.getProperty("gitCommit"));
        String dirty = filled(p.getProperty("gitDirty"));
        return new BuildInfo(filled(p.getProperty("version")), commit,
                commit == null || dirty == null ? null : Boolean.valueOf(dirty));
    }

    /** A value the build filled in, or {@code null} for an empty or unfilled {@code ${...}} placeholder. */
    private static String filled(String v) {
        return v == null || v.isBlank() || v.startsWith("${") ? null : v.trim();
    }
}
