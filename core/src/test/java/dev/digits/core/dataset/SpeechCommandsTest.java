package dev.digits.core.dataset;

import dev.digits.core.audio.WavFormat;
import dev.digits.core.audio.WavWriter;
import dev.digits.core.fetch.Mirror;
import dev.digits.core.fetch.Sha256;
import dev.digits.core.fetch.TransferProgress;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Speech Commands layout, its official split, and its fetch, on a small generated archive in its format. */
class SpeechCommandsTest {
    @TempDir
    Path dir;
    final List<String> log = new ArrayList<>();

    static byte[] wav(int seed) {
        float[] samples = new float[1600];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.3 * Math.sin(i * (0.05 + seed * 0.001)));
        }
        return WavWriter.encode(samples, 16000, 1, WavFormat.Encoding.PCM_INT, 16);
    }

    /**
     * The archive's own layout (entries under {@code ./}): three speakers say every digit twice, one says "yes",
     * background noise, and the two lists (speaker cccccccc is the test set, bbbbbbbb's first takes validation).
     */
    static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String[] speakers = {"aaaaaaaa", "bbbbbbbb", "cccccccc"};
        int n = 0;
        for (String word : SpeechCommandsFolder.DIGIT_WORDS) {
            for (String s : speakers) {
                for (int k = 0; k < 2; k++) {
                    files.put("./" + word + "/" + s + "_nohash_" + k + ".wav", wav(n++));
                }
            }
        }
        files.put("./yes/dddddddd_nohash_0.wav", wav(99));
        files.put("./_background_noise_/white_noise.wav", wav(100));
        StringBuilder testing = new StringBuilder();
        StringBuilder validation = new StringBuilder();
        for (String word : SpeechCommandsFolder.DIGIT_WORDS) {
            testing.append(word).append("/cccccccc_nohash_0.wav\n").append(word).append("/cccccccc_nohash_1.wav\n");
            validation.append(word).append("/bbbbbbbb_nohash_0.wav\n");
        }
        testing.append("yes/dddddddd_nohash_0.wav\n");
        files.put("./testing_list.txt", testing.toString().getBytes(StandardCharsets.UTF_8));
        files.put("./validation_list.txt", validation.toString().getBytes(StandardCharsets.UTF_8));
        files.put("./LICENSE", "CC BY 4.0".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static byte[] tarGz(Map<String, byte[]> content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Map.Entry<String, byte[]> e : content.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** {@link KnownDataset#speechCommands()} with this archive's pin and number of digit clips. */
    static KnownDataset pinnedTo(Path archive, int digitClips) throws IOException {
        KnownDataset real = KnownDataset.speechCommands();
        return new KnownDataset(real.name(), real.url(), real.folder(), Map.of(),
                new KnownDataset.Structure(CorpusLayout.SPEECH_COMMANDS, 0, 0, digitClips),
                new KnownDataset.Archive(Sha256.of(archive), Files.size(archive)), real.attribution());
    }

    @Test
    void aFetchFromAMirrorInstallsTheWordsTheListsAndTheNoiseAndTheSplitIsTheOfficialOne() throws Exception {
        Path mirror = Files.createDirectories(dir.resolve("mirror"));
        Path archive = mirror.resolve("speech_commands_v0.02.tar.gz");
        Files.write(archive, tarGz(files()));
        KnownDataset dataset = pinnedTo(archive, 60);
        Path installed = new DatasetFetcher(log::add, TransferProgress.NONE, Optional.of(new Mirror(mirror.toString())))
                .fetch(dataset, null, dir.resolve("data"), false);
        assertEquals(dir.resolve("data/speech-commands"), installed);
        assertTrue(Files.isRegularFile(installed.resolve("zero/aaaaaaaa_nohash_0.wav")));
        assertTrue(Files.isRegularFile(installed.resolve("yes/dddddddd_nohash_0.wav")), "other words are kept");
        assertTrue(Files.isRegularFile(installed.resolve("_background_noise_/white_noise.wav")));
        assertTrue(Files.isRegularFile(installed.resolve("testing_list.txt")));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("checking the SHA-256 of speech_commands_v0.02.tar.gz")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("verified 60 digit clips of 3 speakers")), log.toString());

        Corpus corpus = Corpus.open(installed);
        assertEquals(CorpusLayout.SPEECH_COMMANDS, corpus.layout());
        assertEquals(60, corpus.size());
        assertEquals(Set.of("aaaaaaaa", "bbbbbbbb", "cccccccc"), corpus.countBySpeaker().keySet());
        assertEquals(List.of("yes"), SpeechCommandsFolder.otherWords(installed));
        assertEquals(Optional.empty(), SpeechCommandsFolder.partial(new Corpus(installed, CorpusLayout.SPEECH_COMMANDS,
                java.util.Collections.nCopies(SpeechCommandsFolder.FULL_DIGIT_CLIPS, corpus.entries().get(0)), List.of())));
        CorpusEntry three = corpus.entries().stream().filter(e -> e.path().endsWith("three/bbbbbbbb_nohash_0.wav"))
                .findFirst().orElseThrow();
        assertEquals(3, three.digit());
        assertEquals(OfficialPart.VALIDATION, three.part());

        Fold official = new OfficialSplit().folds(corpus.entries()).get(0);
        assertEquals(20, official.test().length);
        assertEquals(40, official.train().length, "the validation files train too");
        for (int i : official.test()) {
            assertEquals("cccccccc", corpus.entries().get(i).speaker());
        }
        // its background noise feeds the noise augmentation, named by the dataset wherever it is installed
        String before = System.getProperty("digits.data");
        System.setProperty("digits.data", dir.resolve("data").toString());
        try {
            dev.digits.api.augment.AudioAugmentation noise = (dev.digits.api.augment.AudioAugmentation)
                    new dev.digits.core.augment.AdditiveNoiseProvider().create(
                    Map.of("color", "files", "folder", "speech-commands/_background_noise_", "snr", 0));
            float[] tone = new float[1600];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (float) (0.5 * Math.sin(i * 0.3));
            }
            dev.digits.api.audio.AudioClip clip = new dev.digits.api.audio.AudioClip(tone, 16000, 3, "s", "x");
            float[] noisy = noise.apply(clip, new java.util.SplittableRandom(1)).samples();
            assertTrue(java.util.stream.IntStream.range(0, noisy.length).anyMatch(i -> noisy[i] != tone[i]));
        } finally {
            if (before == null) {
                System.clearProperty("digits.data");
            } else {
                System.setProperty("digits.data", before);
            }
        }
        // speaker-aware protocols split by the 8-hex speaker
        for (Fold f : new LeaveOneSpeakerOut().folds(corpus.entries())) {
            Set<String> tested = java.util.Arrays.stream(f.test()).mapToObj(i -> corpus.entries().get(i).speaker())
                    .collect(Collectors.toSet());
            assertEquals(1, tested.size());
            assertTrue(java.util.Arrays.stream(f.train()).noneMatch(i -> tested.contains(corpus.entries().get(i).speaker())));
        }
    }

    @Test
    void anArchiveThatIsNotThePinnedOneIsRefusedBeforeItIsUnpacked() throws Exception {
        Path archive = dir.resolve("speech_commands_v0.02.tar.gz");
        Files.write(archive, tarGz(files()));
        IOException size = assertThrows(IOException.class, () -> new DatasetFetcher(log::add, TransferProgress.NONE,
                Optional.empty()).fetch(KnownDataset.speechCommands(), archive.toString(), dir.resolve("data"), false));
        assertTrue(size.getMessage().contains("not the 2428923189 of the pinned speech_commands_v0.02.tar.gz"),
                size.getMessage());

        KnownDataset pinned = pinnedTo(archive, 60);
        Map<String, byte[]> other = files();
        other.put("./zero/aaaaaaaa_nohash_0.wav", wav(7)); // same length, other samples
        Files.write(archive, tarGz(other));
        Files.write(archive, java.util.Arrays.copyOf(Files.readAllBytes(archive), (int) pinned.archive().bytes()));
        IOException hash = assertThrows(IOException.class, () -> new DatasetFetcher(log::add, TransferProgress.NONE,
                Optional.empty()).fetch(pinned, archive.toString(), dir.resolve("data"), false));
        assertTrue(hash.getMessage().contains("not the pinned " + pinned.archive().sha256()), hash.getMessage());
        assertFalse(Files.exists(dir.resolve("data/speech-commands")));
        try (var left = Files.list(dir.resolve("data"))) {
            assertEquals(List.of(), left.toList(), "nothing left behind");
        }
    }

    @Test
    void theSampleBesideTheCheckoutIsFoundAndSaidToBePartialWithoutAnOfficialSplit() throws Exception {
        Path sample = DatasetLocator.searchRoots().find("speech-commands").orElseThrow();
        Corpus corpus = Corpus.open(sample);
        assertEquals(CorpusLayout.SPEECH_COMMANDS, corpus.layout());
        assertEquals(331, corpus.size());
        assertEquals(206, corpus.countBySpeaker().size());
        assertEquals(25, SpeechCommandsFolder.otherWords(sample).size());
        String partial = SpeechCommandsFolder.partial(corpus).orElseThrow();
        assertTrue(partial.contains("331 of the 38908 digit clips") && partial.contains("without its official split"),
                partial);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OfficialSplit().folds(corpus.entries()));
        assertTrue(e.getMessage().contains("use protocol leave-one-speaker-out"), e.getMessage());
    }
}
