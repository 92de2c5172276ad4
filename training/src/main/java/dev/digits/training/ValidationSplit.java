package dev.digits.training;

import dev.digits.api.model.TrainingSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A training set divided into the part that is trained on and a held-out validation part, stratified by
 * class and seeded.
 *
 * @param validation {@code null} when the fraction is 0
 */
public record ValidationSplit(TrainingSet train, TrainingSet validation) {

    public static ValidationSplit of(TrainingSet data, double fraction, long seed) {
        if (fraction <= 0) {
            return new ValidationSplit(data, null);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < data.numClasses(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < data.size(); i++) {
            byClass.get(data.labels()[i]).add(i);
        }
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (List<Integer> idx : byClass) {
            Collections.shuffle(idx, random);
            int n = (int) Math.round(idx.size() * fraction);
            validation.addAll(idx.subList(0, n));
            train.addAll(idx.subList(n, idx.size()));
        }
        Collections.sort(train);
        Collections.sort(validation);
        return new ValidationSplit(data.select(train.stream().mapToInt(Integer::intValue).toArray()),
                data.select(validation.stream().mapToInt(Integer::intValue).toArray()));
    }
}
