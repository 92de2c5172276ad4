package dev.digits.core.dataset;

import dev.digits.api.audio.AudioClip;
import dev.digits.core.audio.AudioFileException;
import dev.digits.core.audio.WavReader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A corpus decoded into clips. Entries whose files could not be decoded are left out of {@link #entries()}
 * and listed in {@link #badFiles()} with the reason, together with the files the layout rejected.
 *
 * @param entries  the decoded entries, in corpus order; {@code clips.get(i)} belongs to {@code entries.get(i)}
 * @param clips    labelled mono clips at the files' own sample rates
 * @param badFiles every skipped file and why
 */
public record LoadedCorpus(Corpus corpus, List<CorpusEntry> entries, List<AudioClip> clips, List<BadFile> badFiles) {

    /**
     * Decodes every file of the corpus in parallel.
     *
     * @param progress called with the number of files done so far (from worker threads)
     */
    public static LoadedCorpus load(Corpus corpus, IntConsumer progress) {
        List<CorpusEntry> all = corpus.entries();
        AudioClip[] clips = new AudioClip[all.size()];
        String[] errors = new String[all.size()];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, all.size()).parallel().forEach(i -> {
            CorpusEntry e = all.get(i);
            try {
                clips[i] = e.clip(WavReader.read(e.path()));
            } catch (AudioFileException ex) {
                errors[i] = ex.getProblem();
            }
            progress.accept(done.incrementAndGet());
        });
        List<CorpusEntry> entries = new ArrayList<>();
        List<AudioClip> ok = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>(corpus.badFiles());
        for (int i = 0; i < all.size(); i++) {
            if (clips[i] != null) {
                entries.add(all.get(i));
                ok.add(clips[i]);
            } else {
                bad.add(new BadFile(all.get(i).path(), errors[i]));
            }
        }
        return new LoadedCorpus(corpus, List.copyOf(entries), List.copyOf(ok), List.copyOf(bad));
    }

    public static LoadedCorpus load(Corpus corpus) {
        return load(corpus, n -> { });
    }

    public int size() {
        return clips.size();
    }
}
