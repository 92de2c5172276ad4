package dev.digits.benchmarks;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusEntry;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.features.CorpusExtraction;
import dev.digits.features.mfcc.LibrosaMfccProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the notebook's features (40-d time-mean {@code mfcc-librosa}) on FSDD:
 * one clip end to end (WAV decode + resample to 22050 Hz + MFCC) per operation, the same at the native 8 kHz,
 * MFCC alone on decoded audio, and the whole 3000-file corpus on every core. Clips/s per thread is the
 * reported ops/s of the single-clip benchmarks (one JMH thread).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// the launcher's collector settings (./digits): with the default G1 and its large young generation, fresh
// pages are touched all the time and a 14 KB array costs 45 us in page faults instead of 3 us to fill
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:-UseAdaptiveSizePolicy", "-Xmn128m"})
public class FeatureExtractionBenchmark {

    @Param({"22050", "native"})
    public String sr;

    private Corpus corpus;
    private List<Path> files;
    private List<byte[]> bytes;
    private List<AudioClip> clips;
    private FeatureExtractor extractor;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path fsdd = DatasetLocator.defaults().locate("fsdd");
        corpus = Corpus.open(fsdd);
        files = corpus.entries().stream().map(CorpusEntry::path).toList();
        bytes = files.stream().map(p -> {
            try {
                return Files.readAllBytes(p);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        clips = files.stream().map(p -> {
            try {
                return WavReader.readClip(p);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        extractor = new LibrosaMfccProvider().create(Map.of("sr", sr, "pooling", "mean"));
        // one pass over the corpus first: every FFT size the clips need is planned before anything is timed
        for (AudioClip clip : clips) {
            extractor.extract(clip);
        }
    }

    private int nextIndex() {
        int i = next;
        next = (next + 1) % files.size();
        return i;
    }

    /** One file end to end: read from disk, decode, resample (unless native), 40-d mean MFCC. */
    @Benchmark
    public void oneClipEndToEnd(Blackhole bh) throws Exception {
        bh.consume(extractor.extract(WavReader.readClip(files.get(nextIndex()))));
    }

    /** One clip from bytes already in memory: decode + features, without disk I/O. */
    @Benchmark
    public void oneClipFromMemory(Blackhole bh) throws Exception {
        int i = nextIndex();
        bh.consume(extractor.extract(corpus.entries().get(i).clip(WavReader.decode(files.get(i), bytes.get(i)))));
    }

    /** Features only, on audio already decoded. */
    @Benchmark
    public void featuresOnly(Blackhole bh) {
        bh.consume(extractor.extract(clips.get(nextIndex())));
    }

    /** The whole corpus on every available core, no cache. One operation = 3000 files. */
    @Benchmark
    @Warmup(iterations = 1, time = 5)
    @Measurement(iterations = 3, time = 5)
    public void wholeCorpusAllCores(Blackhole bh) {
        bh.consume(new CorpusExtraction(extractor, null, Runtime.getRuntime().availableProcessors())
                .run(corpus, n -> { }));
    }
}
