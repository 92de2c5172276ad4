package dev.digits.api.params;

/** A parameter value is missing, unknown, of the wrong type or out of range; the message names it. */
public class ParameterException extends IllegalArgumentException {
    public ParameterException(String message) {
        super(message);
    }
}
