package dev.digits.core.dataset;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitProtocolTest {
    private final List<CorpusEntry> entries = Fsdd.corpus().entries();

    @Test
    void fsddHas3000FilesOf6Speakers() {
        Corpus c = Fsdd.corpus();
        assertEquals(CorpusLayout.FSDD, c.layout());
        assertEquals(3000, c.size());
        assertEquals(6, c.countBySpeaker().size());
        c.countByDigit().values().forEach(n -> assertEquals(300L, n));
        assertTrue(c.badFiles().isEmpty());
    }

    @Test
    void officialSplitIs2700Over300() {
        Fold f = new OfficialSplit().folds(entries).get(0);
        assertEquals(2700, f.train().length);
        assertEquals(300, f.test().length);
        for (int i : f.test()) {
            assertTrue(entries.get(i).index() < 5);
        }
        assertDisjointAndComplete(f);
    }

    @Test
    void leaveOneSpeakerOutHasNoSpeakerOnBothSides() {
        List<Fold> folds = new LeaveOneSpeakerOut().folds(entries);
        assertEquals(6, folds.size());
        for (Fold f : folds) {
            assertDisjointAndComplete(f);
            assertFalse(speakers(f.train()).stream().anyMatch(speakers(f.test())::contains), f.name());
            assertEquals(1, speakers(f.test()).size());
            assertEquals(500, f.test().length);
        }
    }

    @Test
    void speakerKFoldHasDisjointSpeakersAndIsSeeded() {
        List<Fold> folds = new SpeakerKFold(3, 7).folds(entries);
        assertEquals(3, folds.size());
        Set<String> seen = new HashSet<>();
        for (Fold f : folds) {
            assertDisjointAndComplete(f);
            Set<String> test = speakers(f.test());
            assertFalse(speakers(f.train()).stream().anyMatch(test::contains));
            assertTrue(java.util.Collections.disjoint(seen, test));
            seen.addAll(test);
        }
        assertEquals(6, seen.size());
        assertFoldsEqual(folds, new SpeakerKFold(3, 7).folds(entries));
        assertThrows(IllegalArgumentException.class, () -> new SpeakerKFold(7, 1).folds(entries));
    }

    @Test
    void randomSplitIsStratifiedAndSeeded() {
        Fold f = new RandomSplit(0.2, 42).folds(entries).get(0);
        assertDisjointAndComplete(f);
        Map<Integer, Long> perDigit = Arrays.stream(f.test()).mapToObj(i -> entries.get(i).digit())
                .collect(Collectors.groupingBy(d -> d, TreeMap::new, Collectors.counting()));
        assertEquals(10, perDigit.size());
        perDigit.values().forEach(n -> assertEquals(60L, n));
        assertFoldsEqual(List.of(f), new RandomSplit(0.2, 42).folds(entries));
        Fold other = new RandomSplit(0.2, 43).folds(entries).get(0);
        assertFalse(Arrays.equals(f.test(), other.test()), "another seed gives another split");
    }

    @Test
    void speakerSplitsNeedSpeakers() {
        List<CorpusEntry> anonymous = List.of(new CorpusEntry(Path.of("0/a.wav"), 0, null, -1),
                new CorpusEntry(Path.of("1/b.wav"), 1, null, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LeaveOneSpeakerOut().folds(anonymous));
        assertTrue(e.getMessage().contains("speaker"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OfficialSplit().folds(anonymous));
    }

    private Set<String> speakers(int[] idx) {
        return Arrays.stream(idx).mapToObj(i -> entries.get(i).speaker()).collect(Collectors.toSet());
    }

    private void assertDisjointAndComplete(Fold f) {
        Set<Integer> all = new HashSet<>();
        Arrays.stream(f.train()).forEach(all::add);
        Arrays.stream(f.test()).forEach(all::add);
        assertEquals(entries.size(), all.size(), "every entry in exactly one side of " + f.name());
        assertEquals(entries.size(), f.train().length + f.test().length);
    }

    private static void assertFoldsEqual(List<Fold> a, List<Fold> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).train(), b.get(i).train());
            assertArrayEquals(a.get(i).test(), b.get(i).test());
        }
    }
}
