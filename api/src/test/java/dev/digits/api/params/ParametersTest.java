package dev.digits.api.params;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParametersTest {
    private final List<ParameterSpec> specs = List.of(
            ParameterSpec.integer("sr", 22050, 1, 384000, "sample rate").orWords("native"),
            ParameterSpec.integer("n_mfcc", 40, 1, 128, "coefficients"),
            ParameterSpec.number("fmax", null, 0, 1e6, "top frequency"),
            ParameterSpec.bool("center", true, "pad frames"),
            ParameterSpec.choice("pooling", "none", List.of("none", "mean", "mean-std"), "pooling"),
            ParameterSpec.intList("hidden", List.of(100, 100), "layers"));

    @Test
    void fillsDefaultsAndConvertsStrings() {
        Parameters p = Parameters.resolve(specs, Map.of("n_mfcc", "13", "center", "false", "hidden", "[64, 32]",
                "sr", "native"), "mfcc");
        assertEquals(13, p.getInt("n_mfcc"));
        assertEquals(false, p.getBoolean("center"));
        assertEquals(List.of(64, 32), p.getIntList("hidden"));
        assertTrue(p.isWord("sr", "native"));
        assertNull(p.get("fmax"));
        assertEquals("none", p.getString("pooling"));
        assertEquals("none", Parameters.resolve(specs, Map.of("pooling", "none"), "mfcc").getString("pooling"),
                "'none' is a legitimate choice, not a missing value");
        assertEquals("{sr=native, n_mfcc=13, fmax=null, center=false, pooling=none, hidden=[64, 32]}", p.toString());
    }

    @Test
    void nestedMappingKeysAreCheckedLikeParameters() {
        List<ParameterSpec> withMap = List.of(ParameterSpec.map("earlyStopping", "{patience: N}",
                List.of(ParameterSpec.integer("patience", null, 1, 1000, "epochs"))));
        ParameterException typo = assertThrows(ParameterException.class,
                () -> Parameters.resolve(withMap, Map.of("earlyStopping", Map.of("patiense", 3)), "tensorflow mlp"));
        assertEquals("tensorflow mlp: earlyStopping: unknown parameter 'patiense' (did you mean 'patience'?); "
                + "known parameters: patience", typo.getMessage());
        ParameterException range = assertThrows(ParameterException.class,
                () -> Parameters.resolve(withMap, Map.of("earlyStopping", Map.of("patience", 0)), "tensorflow mlp"));
        assertTrue(range.getMessage().contains("'patience'"), range.getMessage());
        assertEquals(Map.of("patience", 3), Parameters.resolve(withMap, Map.of("earlyStopping", Map.of("patience", "3")),
                "tensorflow mlp").getMap("earlyStopping"), "values are converted; no keys added");
        assertNull(Parameters.resolve(withMap, Map.of(), "tensorflow mlp").get("earlyStopping"));
    }

    @Test
    void unknownKeyGetsDidYouMean() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> Parameters.resolve(specs, Map.of("n_mfc", 13), "mfcc-librosa"));
        assertTrue(e.getMessage().startsWith("mfcc-librosa: unknown parameter 'n_mfc' (did you mean 'n_mfcc'?)"),
                e.getMessage());
    }

    @Test
    void wrongTypesAndRangesNameTheParameter() {
        assertEquals("mfcc: parameter 'n_mfcc' must be an integer, got 'many'", assertThrows(ParameterException.class,
                () -> Parameters.resolve(specs, Map.of("n_mfcc", "many"), "mfcc")).getMessage());
        assertEquals("mfcc: parameter 'n_mfcc' must be between 1 and 128, got 500", assertThrows(ParameterException.class,
                () -> Parameters.resolve(specs, Map.of("n_mfcc", 500), "mfcc")).getMessage());
        assertTrue(assertThrows(ParameterException.class,
                () -> Parameters.resolve(specs, Map.of("pooling", "maen"), "mfcc")).getMessage()
                .contains("(did you mean 'mean'?)"));
        assertTrue(assertThrows(ParameterException.class,
                () -> Parameters.resolve(specs, Map.of("sr", "fast"), "mfcc")).getMessage()
                .contains("or one of [native]"));
    }
}
