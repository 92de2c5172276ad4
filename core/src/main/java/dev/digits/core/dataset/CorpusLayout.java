package dev.digits.core.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** How a corpus folder names its files, and so where labels and speakers come from. */
public enum CorpusLayout {

    /** Free Spoken Digit Dataset: {@code recordings/{digit}_{speaker}_{index}.wav}. */
    FSDD("fsdd", "recordings/{digit}_{speaker}_{index}.wav"),

    /** AudioMNIST: {@code data/{NN}/{digit}_{NN}_{index}.wav}, speaker NN. */
    AUDIOMNIST("audiomnist", "data/{NN}/{digit}_{NN}_{index}.wav"),

    /** One folder per digit, {@code 0/ ... 9/}, WAV files inside (the original notebook's layout). */
    FOLDERS("folders", "{digit}/*.wav"),

    /**
     * Google's Speech Commands: {@code {word}/{speaker}_nohash_{n}.wav}, the digit words {@code zero} ...
     * {@code nine} being the digits ({@link SpeechCommandsFolder}).
     */
    SPEECH_COMMANDS("speech-commands", "{word}/{speaker}_nohash_{n}.wav");

    private static final Pattern FSDD_NAME = Pattern.compile("([0-9])_([A-Za-z0-9-]+)_([0-9]+)\\.wav");
    private static final Pattern AUDIOMNIST_NAME = Pattern.compile("([0-9])_([0-9]+)_([0-9]+)\\.wav");

    private final String id;
    private final String pattern;

    CorpusLayout(String id, String pattern) {
        this.id = id;
        this.pattern = pattern;
    }

    /** The name used in configuration: {@code fsdd}, {@code audiomnist}, {@code folders} or {@code speech-commands}. */
    public String id() {
        return id;
    }

    public String pattern() {
        return pattern;
    }

    public static CorpusLayout byId(String id) {
        for (CorpusLayout l : values()) {
            if (l.id.equalsIgnoreCase(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown corpus layout '" + id + "'; known: fsdd, audiomnist, folders, "
                + "speech-commands");
    }

    /**
     * Works out the layout of a folder from what it contains.
     *
     * @throws IOException naming the folder and the layouts looked for if none fits
     */
    public static CorpusLayout detect(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a directory");
        }
        if (hasMatching(root.resolve("recordings"), FSDD_NAME) || hasMatching(root, FSDD_NAME)) {
            return FSDD;
        }
        if (SpeechCommandsFolder.looksLike(root)) {
            return SPEECH_COMMANDS;
        }
        Path data = Files.isDirectory(root.resolve("data")) ? root.resolve("data") : root;
        try (Stream<Path> dirs = Files.list(data)) {
            if (dirs.anyMatch(d -> Files.isDirectory(d) && d.getFileName().toString().matches("[0-9]{2,}")
                    && hasMatching(d, AUDIOMNIST_NAME))) {
                return AUDIOMNIST;
            }
        }
        for (int d = 0; d <= 9; d++) {
            if (Files.isDirectory(root.resolve(Integer.toString(d)))) {
                return FOLDERS;
            }
        }
        String expected = "expected one of: " + FSDD.pattern + ", " + AUDIOMNIST.pattern + ", " + FOLDERS.pattern + ", "
                + SPEECH_COMMANDS.pattern;
        List<Path> wavs;
        try (Stream<Path> files = Files.find(root, 3, (f, a) -> a.isRegularFile()
                && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))) {
            wavs = files.limit(1000).toList();
        }
        if (wavs.isEmpty()) {
            throw new IOException(root + ": no WAV files in this folder or the two levels below it; " + expected);
        }
        throw new IOException(root + ": " + (wavs.size() >= 1000 ? "1000+" : wavs.size()) + " WAV file"
                + (wavs.size() == 1 ? "" : "s") + ", but their names and folders fit no known corpus layout (such as "
                + root.relativize(wavs.get(0)) + "); " + expected);
    }

    private static boolean hasMatching(Path dir, Pattern name) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> name.matcher(f.getFileName().toString()).matches());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Lists the labelled files of a corpus in this layout, sorted by path. Files that look like audio but do
     * not fit the naming scheme are returned as bad files rather than silently dropped.
     */
    public Corpus scan(Path root) throws IOException {
        List<CorpusEntry> entries = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        switch (this) {
            case FSDD -> {
                Path dir = Files.isDirectory(root.resolve("recordings")) ? root.resolve("recordings") : root;
                for (Path f : wavFiles(dir, 1)) {
                    Matcher m = FSDD_NAME.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        entries.add(new CorpusEntry(f, Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3))));
                    } else {
                        bad.add(new BadFile(f, "name does not match " + pattern));
                    }
                }
            }
            case AUDIOMNIST -> {
                Path dir = Files.isDirectory(root.resolve("data")) ? root.resolve("data") : root;
                for (Path f : wavFiles(dir, 2)) {
                    Matcher m = AUDIOMNIST_NAME.matcher(f.getFileName().toString());
                    String folder = f.getParent().getFileName().toString();
                    if (m.matches() && m.group(2).equals(folder)) {
                        entries.add(new CorpusEntry(f, Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3))));
                    } else {
                        bad.add(new BadFile(f, "name does not match " + pattern));
                    }
                }
            }
            case FOLDERS -> {
                for (Path f : wavFiles(root, 2)) {
                    String folder = f.getParent().equals(root) ? "" : root.relativize(f).getName(0).toString();
                    if (folder.matches("[0-9]")) {
                        entries.add(new CorpusEntry(f, Integer.parseInt(folder), null, -1));
                    } else {
                        bad.add(new BadFile(f, "not inside a digit folder 0-9"));
                    }
                }
            }
            case SPEECH_COMMANDS -> SpeechCommandsFolder.scan(root, entries, bad);
            default -> throw new IllegalStateException(name());
        }
        if (entries.isEmpty()) {
            throw new IOException(root + ": no WAV files in the " + id + " layout (" + pattern + ")");
        }
        return new Corpus(root, this, entries, bad);
    }

    private static List<Path> wavFiles(Path dir, int depth) throws IOException {
        try (Stream<Path> s = Files.walk(dir, depth)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
    }
}
