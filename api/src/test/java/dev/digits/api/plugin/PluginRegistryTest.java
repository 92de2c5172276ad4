package dev.digits.api.plugin;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.FeatureExtractorProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginRegistryTest {
    private final PluginRegistry<FeatureExtractorProvider> registry = PluginRegistry.discover(
            FeatureExtractorProvider.class, "extractor", getClass().getClassLoader());

    @Test
    void brokenPluginsAreListedAndTheOthersStillWork() {
        assertEquals(4, registry.entries().size(), registry.names().toString());
        FeatureExtractorProvider good = registry.get("good");
        float[] v = good.create(Map.of("scale", 2)).extract(AudioClip.of(new float[5], 8000)).values();
        assertEquals(10f, v[0]);

        PluginRegistry.Entry<FeatureExtractorProvider> exploded = registry.entry("ThrowsInConstructor").orElseThrow();
        assertFalse(exploded.status().available());
        assertTrue(exploded.status().reason().contains("constructor exploded"), exploded.status().reason());

        assertTrue(registry.entries().stream().anyMatch(e -> !e.status().available()
                && e.status().reason().contains("NoSuchClass")), "missing class is listed with its name");
    }

    @Test
    void nativeFailureMakesThePluginUnavailableWithTheReason() {
        PluginRegistry.Entry<FeatureExtractorProvider> e = registry.entry("native").orElseThrow();
        assertEquals("unavailable: no jnifoo in java.library.path", e.status().toString());
        PluginException ex = assertThrows(PluginException.class, () -> registry.get("native"));
        assertEquals("extractor 'native' is unavailable: no jnifoo in java.library.path", ex.getMessage());
    }

    @Test
    void unknownNameListsAvailableOnesAndSuggests() {
        PluginException e = assertThrows(PluginException.class, () -> registry.get("goood"));
        assertTrue(e.getMessage().startsWith("unknown extractor 'goood' (did you mean 'good'?); available: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("good, native"), e.getMessage());
    }

    @Test
    void twoPluginsWithOneNameAreAnError() {
        PluginException e = assertThrows(PluginException.class, () -> PluginRegistry.of("extractor",
                new TestPlugins.Good(), new TestPlugins.Good() { }));
        assertTrue(e.getMessage().contains("two extractor plugins are named 'good'"), e.getMessage());
    }
}
