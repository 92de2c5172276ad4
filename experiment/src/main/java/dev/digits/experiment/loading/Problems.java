package dev.digits.experiment.loading;

import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in an experiment file, each with the line it is on, in the order found. */
final class Problems {
    private record Problem(int line, String message) {
    }

    private final List<Problem> list = new ArrayList<>();

    /** A problem at {@code node}'s line, or without a line when {@code node} is {@code null}. */
    void add(Node node, String message) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        list.add(new Problem(line, line == 0 ? message : "line " + line + ": " + message));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** The problems by line (those of the whole file first), each line's in the order found. */
    List<String> list() {
        return list.stream().sorted(Comparator.comparingInt(Problem::line)).map(Problem::message).toList();
    }
}
