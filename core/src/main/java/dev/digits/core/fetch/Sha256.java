package dev.digits.core.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** SHA-256 digests of files and bytes, as lower-case hex (the form {@code sha256sum} prints), and checks against expected ones. */
public final class Sha256 {
    private Sha256() {
    }

    /** The SHA-256 of a file's content, read in blocks. */
    public static String of(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The SHA-256 of bytes in memory. */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * The files named in {@code expected} that are missing or whose content has another SHA-256.
     *
     * @param expected name to lower-case hex SHA-256
     * @param locate   where each name is on disk
     * @param progress told after each file, under {@code label}
     */
    public static Differences compare(Map<String, String> expected, Function<String, Path> locate,
                                      TransferProgress progress, String label) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int done = 0;
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path f = locate.apply(e.getKey());
            if (!Files.isRegularFile(f)) {
                missing.add(e.getKey());
            } else if (!of(f).equals(e.getValue())) {
                changed.add(e.getKey());
            }
            progress.update(label, ++done, expected.size());
        }
        return new Differences(List.copyOf(missing), List.copyOf(changed));
    }

    /** The outcome of {@link #compare}: names in the order they were expected. */
    public record Differences(List<String> missing, List<String> changed) {
        /** Whether every file is there with its expected content. */
        public boolean none() {
            return missing.isEmpty() && changed.isEmpty();
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
