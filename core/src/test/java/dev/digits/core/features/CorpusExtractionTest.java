package dev.digits.core.features;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.api.params.Parameters;
import dev.digits.core.audio.WavFormat;
import dev.digits.core.audio.WavWriter;
import dev.digits.core.dataset.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusExtractionTest {
    @TempDir
    Path dir;

    /** Counts its calls; output: [length, first sample * scale]. */
    static final class CountingExtractor implements FeatureExtractor {
        final AtomicInteger calls = new AtomicInteger();
        final Parameters params;
        final int revision;

        CountingExtractor(int scale) {
            this(scale, 1);
        }

        CountingExtractor(int scale, int revision) {
            params = Parameters.of(Map.of("scale", scale));
            this.revision = revision;
        }

        @Override
        public int revision() {
            return revision;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Parameters parameters() {
            return params;
        }

        @Override
        public Features extract(AudioClip clip) {
            calls.incrementAndGet();
            return Features.vector(new float[] {clip.length(), clip.samples()[0] * params.getInt("scale")});
        }

        @Override
        public boolean producesMatrix() {
            return false;
        }
    }

    private Corpus corpus() throws IOException {
        Path rec = Files.createDirectories(dir.resolve("corpus/recordings"));
        for (int i = 0; i < 12; i++) {
            float[] x = new float[100 + i];
            x[0] = i / 20f;
            WavWriter.write16(rec.resolve((i % 10) + "_amy_" + i + ".wav"), x, 8000);
        }
        Files.writeString(rec.resolve("3_amy_99.wav"), "garbage");
        return Corpus.open(dir.resolve("corpus"));
    }

    @Test
    void telephoneAudioAndUnfilledDataSizesAreUsedWithAWarningPerFile() throws IOException {
        Path rec = Files.createDirectories(dir.resolve("phone/recordings"));
        float[] x = new float[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(i * 0.3));
        }
        WavWriter.write(rec.resolve("1_amy_0.wav"), x, 8000, 1, WavFormat.Encoding.MU_LAW, 8);
        WavWriter.write(rec.resolve("2_amy_0.wav"), x, 8000, 1, WavFormat.Encoding.A_LAW, 8);
        byte[] streamed = WavWriter.encode(x, 8000, 1, WavFormat.Encoding.PCM_INT, 16);
        java.nio.ByteBuffer.wrap(streamed).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(40, 0);
        Files.write(rec.resolve("3_amy_0.wav"), streamed);
        CorpusFeatures f = new CorpusExtraction(new CountingExtractor(1), null, 1).run(Corpus.open(dir.resolve("phone")), n -> { });
        assertEquals(3, f.size(), f.badFiles().toString());
        assertEquals(400f, f.features().get(2).values()[0], "every sample of the unfilled data chunk is read");
        assertEquals(1, f.warnings().size(), f.warnings().toString());
        assertTrue(f.warnings().get(0).startsWith(rec.resolve("3_amy_0.wav") + ": the data chunk declares 0 bytes"),
                f.warnings().get(0));
    }

    @Test
    void secondRunReadsEverythingFromTheCache() throws IOException {
        Corpus corpus = corpus();
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        CountingExtractor ex = new CountingExtractor(2);
        CorpusFeatures first = new CorpusExtraction(ex, cache, 2).run(corpus, n -> { });
        assertEquals(12, first.size());
        assertEquals(12, first.extracted());
        assertEquals(1, first.badFiles().size(), "the garbage file is reported");
        assertTrue(first.badFiles().get(0).problem().contains("not a WAV file"));

        CountingExtractor again = new CountingExtractor(2);
        CorpusFeatures second = new CorpusExtraction(again, cache, 2).run(corpus, n -> { });
        assertEquals(0, again.calls.get(), "no extraction on the second run");
        assertEquals(12, second.fromCache());
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(first.features().get(i).values(), second.features().get(i).values());
        }

        CountingExtractor otherParams = new CountingExtractor(3);
        new CorpusExtraction(otherParams, cache, 1).run(corpus, n -> { });
        assertEquals(12, otherParams.calls.get(), "other parameters, other cache entries");
    }

    @Test
    void temporaryFilesOfAKilledExtractionAreClearedByTheNextOne() throws IOException {
        Corpus corpus = corpus();
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        CountingExtractor ex = new CountingExtractor(2);
        Path folder = Files.createDirectories(cache.folder(ex));
        Path killed = Files.writeString(folder.resolve(".0123abcd.f32555.part"), "half an entry");
        Files.setLastModifiedTime(killed, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
        new CorpusExtraction(ex, cache, 1).run(corpus, n -> { });
        assertTrue(Files.notExists(killed));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(0, left.filter(f -> f.toString().endsWith(".part")).count());
        }
    }

    @Test
    void aNewRevisionOfTheSameExtractorDoesNotReadTheOldOnesEntries() throws IOException {
        Corpus corpus = corpus();
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        new CorpusExtraction(new CountingExtractor(2), cache, 1).run(corpus, n -> { });
        CountingExtractor revised = new CountingExtractor(2, 2);
        CorpusFeatures second = new CorpusExtraction(revised, cache, 1).run(corpus, n -> { });
        assertEquals(12, revised.calls.get(), "revision 2 recomputes everything");
        assertEquals(0, second.fromCache());
        assertTrue(Files.readString(cache.folder(revised).resolve("extractor.txt")).contains("revision 2"));
        // the first revision keeps the folder it always had: name and parameters only
        assertEquals(cache.folder(new CountingExtractor(2)).getFileName().toString(),
                "counting-" + FeatureCache.sha256(("counting " + Parameters.of(Map.of("scale", 2)))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16));
    }

    @Test
    void damagedEntryIsReportedAndRecomputed() throws IOException {
        Corpus corpus = corpus();
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        CountingExtractor ex = new CountingExtractor(1);
        CorpusFeatures first = new CorpusExtraction(ex, cache, 1).run(corpus, n -> { });
        Path victim;
        try (Stream<Path> s = Files.list(cache.folder(ex))) {
            victim = s.filter(p -> p.toString().endsWith(".f32")).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length - 12] ^= 0x40;
        Files.write(victim, bytes);

        CountingExtractor again = new CountingExtractor(1);
        AtomicInteger progress = new AtomicInteger();
        CorpusFeatures second = new CorpusExtraction(again, cache, 1).run(corpus, progress::set);
        assertEquals(13, progress.get(), "progress counts every file");
        assertEquals(1, second.damagedCacheEntries().size());
        assertTrue(second.damagedCacheEntries().get(0).contains("checksum mismatch"), second.damagedCacheEntries().get(0));
        assertEquals(1, again.calls.get(), "only the damaged entry is recomputed");
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(first.features().get(i).values(), second.features().get(i).values());
        }
        assertEquals(0, new CorpusExtraction(new CountingExtractor(1), cache, 1).run(corpus, n -> { })
                .damagedCacheEntries().size(), "the entry was rewritten");
    }

    @Test
    void aCacheThatCannotBeWrittenCostsNoClips() throws IOException {
        Corpus corpus = corpus();
        Path notAFolder = Files.writeString(dir.resolve("cache-is-a-file"), "x");
        CountingExtractor ex = new CountingExtractor(2);
        CorpusFeatures unwritable = new CorpusExtraction(ex, new FeatureCache(notAFolder), 2).run(corpus, n -> { });
        CorpusFeatures none = new CorpusExtraction(new CountingExtractor(2), null, 2).run(corpus, n -> { });

        assertEquals(12, unwritable.size(), "every readable clip is still used");
        assertEquals(1, unwritable.badFiles().size(), "only the garbage file is bad, not a failed cache write");
        assertTrue(unwritable.badFiles().get(0).problem().contains("not a WAV file"));
        assertEquals(0, unwritable.damagedCacheEntries().size(), "a missing cache is not a damaged one");
        assertEquals(12, unwritable.notCached());
        String warning = unwritable.cacheWarning().orElseThrow();
        assertTrue(warning.contains(notAFolder.toString()) && warning.contains("12 clips"), warning);
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(none.features().get(i).values(), unwritable.features().get(i).values());
        }
        assertTrue(none.cacheWarning().isEmpty());
    }
}
