package dev.digits.experiment.config;

import dev.digits.experiment.console.InputProblem;
import java.util.List;

/** An experiment file is invalid; every problem found is listed with its line. */
public class ConfigException extends Exception implements InputProblem {
    private final List<String> problems;

    public ConfigException(String file, List<String> problems) {
        super(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
