package dev.digits.api.plugin;

/** What every plugin says about itself: a unique name and a description. */
public interface Plugin {

    /** The name users write in configuration, such as {@code mfcc-librosa} or {@code dl4j}. */
    String name();

    /** One line for {@code digits list}. */
    String description();

    /**
     * The plugin's own version, recorded in provenance: by default the {@code Implementation-Version} of the jar
     * it came from, or {@code unknown} when the jar's manifest has none.
     */
    default String version() {
        Package p = getClass().getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    /**
     * Checks that the plugin can run here, loading native libraries if it needs them. Called lazily by the
     * registry, never during discovery. Throw with a reason a user can act on if it cannot.
     */
    default void checkAvailable() throws Exception {
    }

    /** Every parameter the plugin declares (for every model type, say), checked when its availability is. */
    default java.util.List<dev.digits.api.params.ParameterSpec> declaredParameters() {
        return java.util.List.of();
    }
}
