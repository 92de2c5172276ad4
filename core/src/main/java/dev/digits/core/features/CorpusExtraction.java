package dev.digits.core.features;

import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.core.audio.AudioFileException;
import dev.digits.core.audio.SpeechPresence;
import dev.digits.core.audio.WavFile;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.BadFile;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final SpeechPresence speech;

    /**
     * Extraction that takes every decodable clip, speech or not.
     *
     * @param cache   {@code null} for no cache
     * @param threads worker threads (at least 1)
     */
    public CorpusExtraction(FeatureExtractor extractor, FeatureCache cache, int threads) {
        this(extractor, cache, threads, SpeechPresence.OFF);
    }

    /**
     * @param cache   {@code null} for no cache
     * @param threads worker threads (at least 1)
     * @param speech  clips it finds no speech in are bad files, as {@code predict} gives them no digit
     */
    public CorpusExtraction(FeatureExtractor extractor, FeatureCache cache, int threads, SpeechPresence speech) {
        this.extractor = extractor;
        this.cache = cache;
        this.threads = Math.max(1, threads);
        this.speech = speech;
    }

    /**
     * Runs the extraction on this JVM's worker threads.
     *
     * @param progress called with the number of clips done so far (from worker threads)
     */
    public CorpusFeatures run(Corpus corpus, IntConsumer progress) {
        if (cache != null) {
            cache.removeLeftovers(extractor);
        }
        List<CorpusEntry> all = corpus.entries();
        ClipOutcome[] outcomes = new ClipOutcome[all.size()];
        AtomicInteger done = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, all.size()).parallel().forEach(i -> {
                outcomes[i] = extractOne(all.get(i));
                progress.accept(done.incrementAndGet());
            })).join();
        } finally {
            pool.shutdown();
        }
        return assemble(corpus, List.of(outcomes));
    }

    /**
     * One clip: read from the cache when it is there, else decoded, extracted and written to the cache. Never
     * throws for a bad file: the problem is in the outcome. This is the unit of work every engine distributes.
     */
    public ClipOutcome extractOne(CorpusEntry e) {
        try {
            byte[] bytes = Files.readAllBytes(e.path());
            WavFile wav = null;
            if (!speech.equals(SpeechPresence.OFF)) {
                // checked on every run, cached or not: a clip predict gives no digit is no example of one
                wav = WavReader.decode(e.path(), bytes);
                java.util.Optional<String> none = speech.noSpeech(wav.mono(), wav.format().sampleRate());
                if (none.isPresent()) {
                    return ClipOutcome.failed(none.get() + " (predict would answer '-')");
                }
            }
            String hash = cache == null ? null : FeatureCache.sha256(bytes);
            String damaged = null;
            if (cache != null) {
                FeatureCache.Lookup hit = cache.read(extractor, hash);
                if (hit instanceof FeatureCache.Hit h) {
                    return new ClipOutcome(h.features(), null, true, null, 0, null, wav == null ? null : wav.warning());
                } else if (hit instanceof FeatureCache.Damaged d) {
                    damaged = d.entry() + " (" + d.reason() + ") for " + e.path();
                }
            }
            long t0 = System.nanoTime();
            if (wav == null) {
                wav = WavReader.decode(e.path(), bytes);
            }
            Features f = extractor.extract(e.clip(wav));
            long nanos = System.nanoTime() - t0;
            String cacheProblem = cache == null ? null : writeToCache(hash, f);
            return new ClipOutcome(f, null, false, damaged, nanos, cacheProblem, wav.warning());
        } catch (AudioFileException ex) {
            return ClipOutcome.failed(ex.getProblem());
        } catch (IOException ex) {
            return ClipOutcome.failed("cannot be read (" + ex.getMessage() + ")");
        } catch (RuntimeException ex) {
            return ClipOutcome.failed("feature extraction failed (" + ex + ")");
        }
    }

    /**
     * Writes one clip's features to the cache. A cache that cannot be written (read-only, full, not a folder)
     * costs speed, never clips: the problem is returned for one warning and the features are used anyway.
     */
    private String writeToCache(String hash, Features f) {
        try {
            cache.write(extractor, hash, f);
            return null;
        } catch (IOException | UncheckedIOException ex) {
            return cache.folder(extractor) + ": " + ex;
        }
    }

    /** The corpus's features from one outcome per entry (in corpus order), however they were computed. */
    public static CorpusFeatures assemble(Corpus corpus, List<ClipOutcome> outcomes) {
        List<CorpusEntry> all = corpus.entries();
        if (outcomes.size() != all.size()) {
            throw new IllegalArgumentException(outcomes.size() + " outcomes for " + all.size() + " clips");
        }
        List<CorpusEntry> entries = new ArrayList<>();
        List<Features> features = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>(corpus.badFiles());
        List<String> damaged = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int computed = 0;
        int cached = 0;
        long computeNanos = 0;
        int notCached = 0;
        String cacheProblem = null;
        for (int i = 0; i < all.size(); i++) {
            ClipOutcome o = outcomes.get(i);
            if (o.damagedEntry() != null) {
                damaged.add(o.damagedEntry());
            }
            if (o.warning() != null) {
                warnings.add(all.get(i).path() + ": " + o.warning());
            }
            if (o.cacheProblem() != null) {
                notCached++;
                cacheProblem = cacheProblem == null ? o.cacheProblem() : cacheProblem;
            }
            if (o.features() != null) {
                entries.add(all.get(i));
                features.add(o.features());
                if (o.fromCache()) {
                    cached++;
                } else {
                    computed++;
                    computeNanos += o.computeNanos();
                }
            } else {
                bad.add(new BadFile(all.get(i).path(), o.problem()));
            }
        }
        double perClip = computed == 0 ? 0 : computeNanos / 1e6 / computed;
        return new CorpusFeatures(List.copyOf(entries), List.copyOf(features), List.copyOf(bad), computed, cached,
                List.copyOf(damaged), perClip, notCached, cacheProblem, List.copyOf(warnings));
    }

    /** Decodes and extracts one file (no cache). */
    public static Features extractFile(FeatureExtractor extractor, Path file) throws AudioFileException {
        return extractor.extract(WavReader.readClip(file));
    }
}
