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
    void unknownNameListsAvailableOnesAndSuggestsAndNamesTheBrokenOnesApart() {
        PluginException e = assertThrows(PluginException.class, () -> registry.get("goood"));
        assertTrue(e.getMessage().startsWith("unknown extractor 'goood' (did you mean 'good'?); available: good, native; "
                + "unavailable: "), e.getMessage());
        assertTrue(e.getMessage().contains("ThrowsInConstructor (") && e.getMessage().contains("constructor exploded"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void twoPluginsWithOneNameAreBothListedAsUnavailableWithoutStoppingTheOthers() {
        PluginRegistry<FeatureExtractorProvider> r = PluginRegistry.of("extractor", new TestPlugins.Good(),
                new TestPlugins.Good() { }, new TestPlugins.NativeFails());
        assertEquals(3, r.entries().size(), r.names().toString());
        PluginException e = assertThrows(PluginException.class, () -> r.get("good"));
        assertTrue(e.getMessage().startsWith("extractor 'good' is unavailable: two extractor plugins are named 'good': "
                + TestPlugins.Good.class.getName() + " and "), e.getMessage());
        assertFalse(r.entry("good #2").orElseThrow().status().available());
        assertEquals("unavailable: no jnifoo in java.library.path", r.entry("native").orElseThrow().status().toString());
    }

    @Test
    void aDefaultOutsideItsOwnRangeMakesThePluginUnavailable() {
        FeatureExtractorProvider bad = new TestPlugins.Good() {
            @Override
            public java.util.List<dev.digits.api.params.ParameterSpec> parameters() {
                return java.util.List.of(dev.digits.api.params.ParameterSpec.integer("scale", 50, 1, 10, "multiplier"),
                        dev.digits.api.params.ParameterSpec.choice("mode", "fast", java.util.List.of("slow", "exact"), "m"));
            }
        };
        PluginRegistry<FeatureExtractorProvider> r = PluginRegistry.of("extractor", bad);
        PluginStatus status = r.entry("good").orElseThrow().status();
        assertFalse(status.available());
        assertTrue(status.reason().startsWith("parameter 'scale' has a default it does not accept: "), status.reason());
        assertTrue(status.reason().contains("50"), status.reason());
        // the same plugin with valid defaults is fine
        assertTrue(PluginRegistry.of("extractor", new TestPlugins.Good()).entry("good").orElseThrow().status().available());
    }
}
