package dev.digits.recognition.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The entries of a bundle file, read safely: every entry name is one a bundle has ({@code bundle.json},
 * {@code model.bin}, {@code training.bin}, {@code SHA256SUMS}, {@code files/NAME} with NAME a plain file name: no
 * separator, no {@code ..}, no root), each entry's size is checked against its limit from the zip's directory before
 * it is read and again while it is read, and every problem is one line naming the file and the entry.
 */
final class BundleEntries {
    /** Largest entries read: the model and training data are at most 1 GiB, a bundled file 512 MiB, the rest small. */
    record Limits(long manifest, long model, long training, long file, long total) {
        static final Limits DEFAULT = new Limits(1L << 20, 1L << 30, 1L << 30, 512L << 20, 2000L << 20);

        long of(String name) {
            return switch (name) {
                case ModelBundle.MANIFEST, ModelBundle.CHECKSUMS -> manifest;
                case ModelBundle.MODEL -> model;
                case ModelBundle.TRAINING -> training;
                default -> file;
            };
        }
    }

    private BundleEntries() {
    }

    /**
     * Every entry's bytes by name, in the zip's order.
     *
     * @throws IOException naming the file: not a zip, an entry a bundle does not have, one that names a path, a
     *                     repeated one, or one larger than its limit
     */
    static Map<String, byte[]> read(Path file, Limits limits) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                String name = e.getName();
                checkName(file, name);
                long limit = limits.of(name);
                if (e.getSize() > limit) {
                    throw tooLarge(file, name, e.getSize(), limit);
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                }
                if (bytes.length > limit) {
                    throw tooLarge(file, name, bytes.length, limit);
                }
                total += bytes.length;
                if (total > limits.total()) {
                    throw new IOException(file + ": corrupt model bundle (its entries unpack to more than "
                            + size(limits.total()) + ")");
                }
                if (entries.put(name, bytes) != null) {
                    throw new IOException(file + ": corrupt model bundle (entry '" + name + "' appears twice)");
                }
            }
        } catch (ZipException e) {
            throw new IOException(file + ": corrupt model bundle (" + e.getMessage() + ")", e);
        }
        return entries;
    }

    /** An entry a bundle has, its bundled-file part a plain file name. */
    private static void checkName(Path file, String name) throws IOException {
        if (name.equals(ModelBundle.MANIFEST) || name.equals(ModelBundle.MODEL) || name.equals(ModelBundle.TRAINING)
                || name.equals(ModelBundle.CHECKSUMS)) {
            return;
        }
        if (!name.startsWith(ModelBundle.FILES)) {
            throw new IOException(file + ": corrupt model bundle (entry '" + name + "' is not part of a model bundle)");
        }
        String key = name.substring(ModelBundle.FILES.length());
        if (!isPlainName(key)) {
            throw new IOException(file + ": corrupt model bundle (entry '" + name + "' names a path; bundled files are "
                    + "plain file names)");
        }
    }

    /** A file name and nothing more: not empty, no separator, not {@code .} or {@code ..}, no drive or NUL. */
    static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.chars().noneMatch(c -> c == '/'
                || c == '\\' || c == ':' || c == 0) && name.length() <= 255;
    }

    private static IOException tooLarge(Path file, String name, long size, long limit) {
        return new IOException(file + ": corrupt model bundle (entry '" + name + "' is " + size(size)
                + ", more than a bundle's " + name + " may be: " + size(limit) + ")");
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) : bytes + " bytes";
    }
}
