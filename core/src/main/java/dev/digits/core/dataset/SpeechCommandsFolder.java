package dev.digits.core.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Google's Speech Commands in its own layout: one folder per word, files {@code <speaker>_nohash_<n>.wav}, the
 * speaker being the 8-hex prefix. The ten digit words ({@code zero} ... {@code nine}) are the digits; the other
 * words and {@code _background_noise_} stay in the folder, unlabelled. {@code testing_list.txt} and
 * {@code validation_list.txt} give each file its {@link OfficialPart}; a copy without them (a sample) has none.
 */
public final class SpeechCommandsFolder {
    /** The digit words, index = digit. */
    public static final List<String> DIGIT_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine");
    /** The folder of long noise recordings. */
    public static final String BACKGROUND_NOISE = "_background_noise_";
    public static final String TESTING_LIST = "testing_list.txt";
    public static final String VALIDATION_LIST = "validation_list.txt";
    /** Digit clips in the full dataset, v0.02. */
    public static final int FULL_DIGIT_CLIPS = 38_908;

    static final Pattern NAME = Pattern.compile("([0-9a-f]{8})_nohash_([0-9]+)\\.wav");

    private SpeechCommandsFolder() {
    }

    /** Whether {@code root} holds a digit word's folder with a file named as in Speech Commands. */
    static boolean looksLike(Path root) {
        for (String word : DIGIT_WORDS) {
            Path dir = root.resolve(word);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    if (files.anyMatch(f -> NAME.matcher(f.getFileName().toString()).matches())) {
                        return true;
                    }
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The digit words' files as entries (sorted by path), files misnamed in those folders as bad files. */
    static void scan(Path root, List<CorpusEntry> entries, List<BadFile> bad) throws IOException {
        OfficialLists lists = OfficialLists.of(root);
        for (int digit = 0; digit < DIGIT_WORDS.size(); digit++) {
            scanWord(root, DIGIT_WORDS.get(digit), digit, lists, entries, bad);
        }
    }

    /**
     * The other words' clips (every folder but the digits and background noise) as entries of the class of speech
     * that is not a digit ({@link dev.digits.core.labels.DigitLabels#OTHER}), sorted by path, with their speakers and
     * official parts; misnamed files as bad files.
     */
    public static List<CorpusEntry> otherWordEntries(Path root, List<BadFile> bad) throws IOException {
        OfficialLists lists = OfficialLists.of(root);
        List<CorpusEntry> entries = new ArrayList<>();
        for (String word : otherWords(root)) {
            scanWord(root, word, dev.digits.core.labels.DigitLabels.OTHER, lists, entries, bad);
        }
        return entries;
    }

    /** One word's folder: its files as entries of {@code label}, misnamed ones as bad files. */
    private static void scanWord(Path root, String word, int label, OfficialLists lists, List<CorpusEntry> entries,
                                 List<BadFile> bad) throws IOException {
        Path dir = root.resolve(word);
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
        for (Path f : files) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            if (!m.matches()) {
                bad.add(new BadFile(f, "name does not match " + CorpusLayout.SPEECH_COMMANDS.pattern()));
                continue;
            }
            entries.add(new CorpusEntry(f, label, m.group(1), Integer.parseInt(m.group(2)),
                    lists.part(word + "/" + f.getFileName())));
        }
    }

    /** The official split's lists, when the copy has them. */
    private record OfficialLists(boolean present, Set<String> testing, Set<String> validation) {
        static OfficialLists of(Path root) throws IOException {
            boolean present = Files.isRegularFile(root.resolve(TESTING_LIST));
            return new OfficialLists(present, present ? list(root.resolve(TESTING_LIST)) : Set.of(),
                    Files.isRegularFile(root.resolve(VALIDATION_LIST)) ? list(root.resolve(VALIDATION_LIST)) : Set.of());
        }

        OfficialPart part(String key) {
            return !present ? OfficialPart.NONE : testing.contains(key) ? OfficialPart.TEST
                    : validation.contains(key) ? OfficialPart.VALIDATION : OfficialPart.TRAINING;
        }
    }

    /** The file names a list holds ({@code word/file.wav} per line). */
    private static Set<String> list(Path file) throws IOException {
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String name = line.trim().replace('\\', '/');
            if (!name.isEmpty()) {
                names.add(name.startsWith("./") ? name.substring(2) : name);
            }
        }
        return names;
    }

    /**
     * How complete a copy is: empty for the whole dataset, else a line saying it is part of it (the sample in
     * {@code shared/datasets}, or a copy of some folders).
     */
    public static java.util.Optional<String> partial(Corpus corpus) {
        long own = corpus.entries().stream().filter(e -> e.path().startsWith(corpus.root())).count();
        if (corpus.layout() != CorpusLayout.SPEECH_COMMANDS || own >= FULL_DIGIT_CLIPS) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(corpus.root() + " is a partial copy of Speech Commands: " + own + " of the "
                + FULL_DIGIT_CLIPS + " digit clips of v0.02" + (Files.isRegularFile(corpus.root().resolve(TESTING_LIST))
                ? "" : ", without its official split") + " ('digits data fetch speech-commands' installs all of it)");
    }

    /** The other words' folders (not digits, not background noise), sorted. */
    public static List<String> otherWords(Path root) throws IOException {
        List<String> words = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(n -> !DIGIT_WORDS.contains(n) && !n.equals(BACKGROUND_NOISE) && !n.startsWith("."))
                    .sorted().forEach(words::add);
        }
        return words;
    }
}
