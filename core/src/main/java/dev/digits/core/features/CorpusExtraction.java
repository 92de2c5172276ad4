package dev.digits.core.features;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.core.audio.AudioFileException;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.BadFile;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Extracts features for a whole corpus on several threads, reading from and writing to a
 * {@link FeatureCache} when one is given. A file that cannot be decoded is reported and skipped; a damaged
 * cache entry is reported and recomputed.
 */
public final class CorpusExtraction {
    private final FeatureExtractor extractor;
    private final FeatureCache cache;
    private final int threads;

    /**
     * @param cache   {@code null} for no cache
     * @param threads worker threads (at least 1)
     */
    public CorpusExtraction(FeatureExtractor extractor, FeatureCache cache, int threads) {
        this.extractor = extractor;
        this.cache = cache;
        this.threads = Math.max(1, threads);
    }

    /**
     * Runs the extraction.
     *
     * @param progress called with the number of clips done so far (from worker threads)
     */
    public CorpusFeatures run(Corpus corpus, IntConsumer progress) {
        List<CorpusEntry> all = corpus.entries();
        Features[] out = new Features[all.size()];
        String[] errors = new String[all.size()];
        List<String> damaged = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        AtomicInteger computed = new AtomicInteger();
        AtomicInteger cached = new AtomicInteger();
        AtomicLong computeNanos = new AtomicLong();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, all.size()).parallel().forEach(i -> {
                CorpusEntry e = all.get(i);
                try {
                    byte[] bytes = Files.readAllBytes(e.path());
                    String hash = cache == null ? null : FeatureCache.sha256(bytes);
                    Features f = null;
                    if (cache != null) {
                        FeatureCache.Lookup hit = cache.read(extractor, hash);
                        if (hit instanceof FeatureCache.Hit h) {
                            f = h.features();
                            cached.incrementAndGet();
                        } else if (hit instanceof FeatureCache.Damaged d) {
                            damaged.add(d.entry() + " (" + d.reason() + ") for " + e.path());
                        }
                    }
                    if (f == null) {
                        long t0 = System.nanoTime();
                        f = extract(e, bytes);
                        computeNanos.addAndGet(System.nanoTime() - t0);
                        computed.incrementAndGet();
                        if (cache != null) {
                            cache.write(extractor, hash, f);
                        }
                    }
                    out[i] = f;
                } catch (AudioFileException ex) {
                    errors[i] = ex.getProblem();
                } catch (IOException ex) {
                    errors[i] = "cannot be read (" + ex.getMessage() + ")";
                } catch (RuntimeException ex) {
                    errors[i] = "feature extraction failed (" + ex + ")";
                }
                progress.accept(done.incrementAndGet());
            })).join();
        } finally {
            pool.shutdown();
        }
        List<CorpusEntry> entries = new ArrayList<>();
        List<Features> features = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>(corpus.badFiles());
        for (int i = 0; i < all.size(); i++) {
            if (out[i] != null) {
                entries.add(all.get(i));
                features.add(out[i]);
            } else {
                bad.add(new BadFile(all.get(i).path(), errors[i]));
            }
        }
        double perClip = computed.get() == 0 ? 0 : computeNanos.get() / 1e6 / computed.get();
        return new CorpusFeatures(List.copyOf(entries), List.copyOf(features), List.copyOf(bad), computed.get(),
                cached.get(), List.copyOf(damaged), perClip);
    }

    private Features extract(CorpusEntry e, byte[] bytes) throws AudioFileException {
        AudioClip clip = WavReader.decode(e.path(), bytes).toClip(e);
        return extractor.extract(clip);
    }

    /** Decodes and extracts one file (no cache). */
    public static Features extractFile(FeatureExtractor extractor, Path file) throws AudioFileException {
        return extractor.extract(WavReader.readClip(file));
    }
}
