package dev.digits.api.plugin;

/** What every plugin says about itself: a unique name and a description. */
public interface Plugin {

    /** The name users write in configuration, such as {@code mfcc-librosa} or {@code dl4j}. */
    String name();

    /** One line for {@code digits list}. */
    String description();

    /**
     * Checks that the plugin can run here, loading native libraries if it needs them. Called lazily by the
     * registry, never during discovery. Throw with a reason a user can act on if it cannot.
     */
    default void checkAvailable() throws Exception {
    }
}
