package dev.digits.api.plugin;

/** A plugin could not be found, loaded or used; the message says which and why. */
public class PluginException extends RuntimeException {
    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
