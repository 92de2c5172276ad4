package dev.digits.api.params;

/** The value types a plugin parameter can take. */
public enum ParameterType {
    INT("integer"),
    DOUBLE("number"),
    BOOLEAN("boolean"),
    STRING("string"),
    INT_LIST("list of integers"),
    RANGE("range [low, high]"),
    MAP("mapping");

    private final String description;

    ParameterType(String description) {
        this.description = description;
    }

    /** How the type reads in an error message. */
    public String description() {
        return description;
    }
}
