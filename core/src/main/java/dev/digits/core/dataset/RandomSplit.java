package dev.digits.core.dataset;

import dev.digits.api.params.Parameters;
import dev.digits.api.params.ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** A seeded random split, stratified by digit: each digit keeps the same test fraction. */
public final class RandomSplit implements SplitProtocol {
    private final double testFraction;
    private final long seed;

    public RandomSplit(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be between 0 and 1 (exclusive), got " + testFraction);
        }
        this.testFraction = testFraction;
        this.seed = seed;
    }

    @Override
    public String type() {
        return "random";
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("testFraction", testFraction, "seed", seed);
    }

    @Override
    public List<Fold> folds(List<CorpusEntry> entries) {
        Map<Integer, List<Integer>> byDigit = new TreeMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byDigit.computeIfAbsent(entries.get(i).digit(), d -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        List<Integer> test = new ArrayList<>();
        List<Integer> train = new ArrayList<>();
        for (List<Integer> idx : byDigit.values()) {
            Collections.shuffle(idx, random);
            int nTest = (int) Math.round(idx.size() * testFraction);
            test.addAll(idx.subList(0, nTest));
            train.addAll(idx.subList(nTest, idx.size()));
        }
        return List.of(new Fold("random", sorted(train), sorted(test)));
    }

    static int[] sorted(List<Integer> idx) {
        int[] a = idx.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** Makes {@code random} available by name in experiment files. */
    public static final class Provider implements SplitProtocolProvider {
        @Override
        public String name() {
            return "random";
        }

        @Override
        public String description() {
            return "a seeded random split, stratified by digit";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(
                    ParameterSpec.number("testFraction", 0.2, 0, 1, "part of each digit's clips in the test set, "
                            + "between 0 and 1 (exclusive)"),
                    ParameterSpec.integer("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE, "the shuffle's seed"));
        }

        @Override
        public SplitProtocol create(Parameters parameters) {
            return new RandomSplit(parameters.getDouble("testFraction"), parameters.getInt("seed"));
        }
    }
}
