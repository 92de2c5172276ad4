package dev.digits.core.dataset;

import dev.digits.core.audio.AudioFileException;
import dev.digits.core.audio.WavFormat;
import dev.digits.core.audio.WavReader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a corpus holds: files per digit and speaker, sample rates, channels, encodings, durations, and the
 * files that could not be read.
 */
public record CorpusSummary(Corpus corpus, int readable, Map<Integer, Long> byDigit, Map<String, Long> bySpeaker,
                            Map<Integer, Long> bySampleRate, Map<String, Long> byFormat, double[] durations,
                            List<BadFile> badFiles) {

    /** Reads every file's header and samples (in parallel) to summarise the corpus. */
    public static CorpusSummary of(Corpus corpus) {
        List<CorpusEntry> entries = corpus.entries();
        WavFormat[] formats = new WavFormat[entries.size()];
        String[] errors = new String[entries.size()];
        IntStream.range(0, entries.size()).parallel().forEach(i -> {
            try {
                formats[i] = WavReader.readFormat(entries.get(i).path());
            } catch (AudioFileException e) {
                errors[i] = e.getProblem();
            }
        });
        List<CorpusEntry> ok = new ArrayList<>();
        List<WavFormat> okFormats = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>(corpus.badFiles());
        for (int i = 0; i < entries.size(); i++) {
            if (formats[i] != null) {
                ok.add(entries.get(i));
                okFormats.add(formats[i]);
            } else {
                bad.add(new BadFile(entries.get(i).path(), errors[i]));
            }
        }
        Map<String, Long> speakers = ok.stream().anyMatch(CorpusEntry::hasSpeaker)
                ? count(ok, e -> e.hasSpeaker() ? e.speaker() : "(unknown)") : Map.of();
        double[] durations = okFormats.stream().mapToDouble(WavFormat::durationSeconds).sorted().toArray();
        return new CorpusSummary(corpus, ok.size(), count(ok, CorpusEntry::digit), speakers,
                count(okFormats, WavFormat::sampleRate), count(okFormats, WavFormat::describe), durations, bad);
    }

    private static <T, K extends Comparable<K>> Map<K, Long> count(List<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    public double minDuration() {
        return durations.length == 0 ? 0 : durations[0];
    }

    public double maxDuration() {
        return durations.length == 0 ? 0 : durations[durations.length - 1];
    }

    public double medianDuration() {
        return durations.length == 0 ? 0 : durations[durations.length / 2];
    }

    public double totalDuration() {
        return Arrays.stream(durations).sum();
    }
}
