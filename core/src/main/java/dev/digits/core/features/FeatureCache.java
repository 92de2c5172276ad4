package dev.digits.core.features;

import dev.digits.core.fetch.Sha256;

import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.core.io.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Extracted features on disk, one small file per clip, keyed by extractor name + resolved parameters (the
 * folder) and the audio file's SHA-256 (the file name). Entries carry a CRC; a damaged entry is reported as
 * such by {@link #read} so the caller can recompute it. Writes are atomic.
 */
public final class FeatureCache {
    private static final int MAGIC = 0x44474643; // "DGFC"
    private static final int VERSION = 1;

    private final Path root;

    public FeatureCache(Path root) {
        this.root = root;
    }

    /**
     * {@code $DIGITS_CACHE}, else {@code ~/.cache/digits/features}; the system property {@code digits.cache}, when
     * set, comes first (for programs that embed digits, and tests).
     */
    public static Path defaultRoot() {
        String property = System.getProperty("digits.cache");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("DIGITS_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "digits", "features");
    }

    public Path root() {
        return root;
    }

    /** The folder of one extractor configuration. */
    public Path folder(FeatureExtractor extractor) {
        String key = describe(extractor);
        return root.resolve(extractor.name() + "-" + sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
    }

    /** Name and parameters, and the revision when past the first (so first-revision folders keep their names). */
    private static String describe(FeatureExtractor extractor) {
        String key = extractor.name() + " " + extractor.parameters();
        return extractor.revision() == 1 ? key : key + " revision " + extractor.revision();
    }

    /** Outcome of a look-up. */
    public sealed interface Lookup permits Hit, Miss, Damaged {
    }

    public record Hit(Features features) implements Lookup {
    }

    public record Miss() implements Lookup {
    }

    public record Damaged(Path entry, String reason) implements Lookup {
    }

    public Lookup read(FeatureExtractor extractor, String contentHash) {
        Path entry = folder(extractor).resolve(contentHash + ".f32");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(entry);
        } catch (NoSuchFileException e) {
            return new Miss();
        } catch (IOException e) {
            // a cache root that is a file, or a folder that cannot be listed: nothing is there to be damaged
            return Files.exists(entry) ? new Damaged(entry, "unreadable: " + e.getMessage()) : new Miss();
        }
        try {
            return new Hit(decode(bytes));
        } catch (RuntimeException e) {
            return new Damaged(entry, e.getMessage());
        }
    }

    /**
     * Deletes what writes into this extractor's folder left behind when their process was killed: temporary files
     * older than ten minutes (younger ones may belong to a run in progress that shares the cache).
     *
     * @return how many were deleted
     */
    public int removeLeftovers(FeatureExtractor extractor) {
        return AtomicFiles.removeLeftovers(folder(extractor), Duration.ofMinutes(10));
    }

    public void write(FeatureExtractor extractor, String contentHash, Features features) throws IOException {
        Path folder = folder(extractor);
        Files.createDirectories(folder);
        Path about = folder.resolve("extractor.txt");
        if (!Files.exists(about)) {
            AtomicFiles.write(about, (describe(extractor) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        AtomicFiles.write(folder.resolve(contentHash + ".f32"), encode(features));
    }

    static byte[] encode(Features f) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            int[] shape = f.shape();
            out.writeInt(shape.length);
            for (int d : shape) {
                out.writeInt(d);
            }
            for (float v : f.values()) {
                out.writeFloat(v);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static Features decode(byte[] bytes) {
        if (bytes.length < 20) {
            throw new IllegalStateException("truncated entry (" + bytes.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.getInt() != MAGIC) {
            throw new IllegalStateException("not a feature cache entry");
        }
        int version = b.getInt();
        if (version != VERSION) {
            throw new IllegalStateException("entry format version " + version + ", expected " + VERSION);
        }
        int dims = b.getInt();
        if (dims < 1 || dims > 2) {
            throw new IllegalStateException("bad shape rank " + dims);
        }
        int[] shape = new int[dims];
        long n = 1;
        for (int i = 0; i < dims; i++) {
            shape[i] = b.getInt();
            n *= shape[i];
        }
        if (bytes.length != 12 + 4L * dims + 4 * n + 8) {
            throw new IllegalStateException("entry has " + bytes.length + " bytes, shape needs " + (12 + 4L * dims + 4 * n + 8));
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        float[] values = new float[(int) n];
        for (int i = 0; i < n; i++) {
            values[i] = b.getFloat();
        }
        if (b.getLong() != crc.getValue()) {
            throw new IllegalStateException("checksum mismatch");
        }
        return dims == 1 ? Features.vector(values) : Features.matrix(values, shape[0], shape[1]);
    }

    public static String sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }

    /** Optional cache: {@code null} root disables it. */
    public static Optional<FeatureCache> at(Path root) {
        return Optional.ofNullable(root).map(FeatureCache::new);
    }
}
