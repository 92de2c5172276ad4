package dev.digits.core.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;

/**
 * A dataset {@code digits data fetch} knows how to install: where its release archive is, and how to check what
 * was unpacked: the SHA-256 of every file (kept in the project, so a download is checked against what we tested
 * with) or, where upstream publishes no hashes, the expected structure.
 *
 * @param name        the name users write, such as {@code fsdd}
 * @param url         the upstream release archive; mirrors keep it under the same file name
 * @param folder      the folder inside the dataset that holds the files, such as {@code recordings}
 * @param manifest    file name to lower-case hex SHA-256; empty when {@code structure} is checked instead
 * @param structure   the speakers and clips to expect when there is no manifest, else {@code null}
 * @param archive     the archive's pinned SHA-256 and size, checked before it is unpacked; {@code null} where
 *                    upstream archives are not pinned (the files are checked instead)
 * @param attribution how to credit the dataset
 */
public record KnownDataset(String name, String url, String folder, Map<String, String> manifest, Structure structure,
                           Archive archive, String attribution) {

    /**
     * What a dataset without published hashes must hold, in the given layout: {@code digitClips} readable WAV files
     * of digits, from {@code speakers} speakers with {@code clipsPerSpeaker} each (0: not checked).
     */
    public record Structure(CorpusLayout layout, int speakers, int clipsPerSpeaker, int digitClips) {
        public Structure(CorpusLayout layout, int speakers, int clipsPerSpeaker) {
            this(layout, speakers, clipsPerSpeaker, speakers * clipsPerSpeaker);
        }
    }

    /** An archive pinned by its SHA-256 (lower-case hex) and size in bytes. */
    public record Archive(String sha256, long bytes) {
    }

    public KnownDataset {
        manifest = Map.copyOf(manifest);
        if (manifest.isEmpty() == (structure == null)) {
            throw new IllegalArgumentException(name + ": give either a manifest or a structure");
        }
    }

    /** A dataset checked file by file against {@code manifest}. */
    public KnownDataset(String name, String url, String folder, Map<String, String> manifest, String attribution) {
        this(name, url, folder, manifest, null, null, attribution);
    }

    /** A dataset whose structure is checked, its archive not pinned. */
    public KnownDataset(String name, String url, String folder, Map<String, String> manifest, Structure structure,
                        String attribution) {
        this(name, url, folder, manifest, structure, null, attribution);
    }

    /**
     * The most bytes its archive may have when downloaded, from its number of clips: a server that sends more is
     * stopped. FSDD's 3000 clips at 8 kHz come in about 16 MB (cap 75 MB), AudioMNIST's 30000 at 48 kHz in about
     * 1 GB (cap 3 GB). A pinned archive's size is its cap.
     */
    public long maxArchiveBytes() {
        if (archive != null) {
            return archive.bytes();
        }
        long perClip = structure == null ? 20L << 10 : 100L << 10;
        long clips = structure == null ? manifest.size() : (long) structure.speakers() * structure.clipsPerSpeaker();
        return (16L << 20) + clips * perClip;
    }

    /** The upstream archive's file name, which a mirror holds too ({@code v1.0.10.tar.gz}). */
    public String fileName() {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The Free Spoken Digit Dataset, release v1.0.10 (3000 recordings). */
    public static KnownDataset fsdd() {
        return new KnownDataset("fsdd",
                "https://github.com/Jakobovski/free-spoken-digit-dataset/archive/refs/tags/v1.0.10.tar.gz",
                "recordings",
                readManifest(KnownDataset.class.getResourceAsStream("fsdd.sha256")),
                "Free Spoken Digit Dataset (FSDD), Zohar Jackson and contributors, CC BY-SA 4.0");
    }

    /**
     * AudioMNIST, the notebook's corpus: 60 speakers x 500 clips at 48 kHz, {@code data/NN/{digit}_{NN}_{index}.wav}
     * (about 1 GB). Upstream publishes no hashes, so the structure is checked and the installed files' SHA-256 are
     * recorded for later use.
     */
    public static KnownDataset audioMnist() {
        return new KnownDataset("audiomnist", "https://github.com/soerenab/AudioMNIST/archive/refs/heads/master.zip",
                "data", Map.of(), new Structure(CorpusLayout.AUDIOMNIST, 60, 500),
                "AudioMNIST, Becker et al., \"Interpreting and Explaining Deep Neural Networks for Classification of "
                        + "Audio Signals\" (arXiv:1807.03418), MIT licence");
    }

    /**
     * Google's Speech Commands v0.02: 105,829 one-second clips of 35 words from 2,618 speakers, 38,908 of them digit
     * words ({@link SpeechCommandsFolder}). The archive is pinned by the SHA-256 that TensorFlow Datasets and
     * torchaudio pin and by its size; what it unpacks is checked for the 38,908 readable digit clips.
     */
    public static KnownDataset speechCommands() {
        return new KnownDataset("speech-commands",
                "https://storage.googleapis.com/download.tensorflow.org/data/speech_commands_v0.02.tar.gz", "",
                Map.of(), new Structure(CorpusLayout.SPEECH_COMMANDS, 0, 0, SpeechCommandsFolder.FULL_DIGIT_CLIPS),
                new Archive("af14739ee7dc311471de98f5f9d2c9191b18aedfe957f4a6ff791c709868ff58", 2_428_923_189L),
                "Speech Commands v0.02, Pete Warden (Google), \"Speech Commands: A Dataset for Limited-Vocabulary "
                        + "Speech Recognition\" (arXiv:1804.03209), CC BY 4.0");
    }

    /** The names of the known datasets. */
    public static final List<String> NAMES = List.of("fsdd", "audiomnist", "speech-commands");

    /** The known datasets by name. */
    public static Optional<KnownDataset> find(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "fsdd" -> Optional.of(fsdd());
            case "audiomnist" -> Optional.of(audioMnist());
            case "speech-commands" -> Optional.of(speechCommands());
            default -> Optional.empty();
        };
    }

    public static KnownDataset byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown dataset '" + name + "'; known: " + String.join(", ", NAMES)));
    }

    /** Parses {@code sha256sum} output: {@code HEX  NAME} per line. */
    public static Map<String, String> readManifest(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("manifest resource missing from the jar");
        }
        Map<String, String> m = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+\\*?", 2);
                m.put(parts[1].trim(), parts[0].toLowerCase());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
