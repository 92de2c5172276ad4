package dev.digits.api.plugin;

import java.util.Optional;

/** Whether a discovered plugin can be used here, and if not, why. */
public record PluginStatus(boolean available, String reason) {

    public static PluginStatus ok() {
        return new PluginStatus(true, null);
    }

    public static PluginStatus unavailable(String reason) {
        return new PluginStatus(false, reason);
    }

    public Optional<String> unavailableReason() {
        return Optional.ofNullable(reason);
    }

    @Override
    public String toString() {
        return available ? "available" : "unavailable: " + reason;
    }
}
