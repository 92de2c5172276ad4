package dev.digits.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.core.dataset.DatasetLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureCommandsTest {
    private static String recording(String name) throws Exception {
        return DatasetLocator.defaults().locate("fsdd").resolve("recordings").resolve(name).toString();
    }

    @Test
    void featuresPrintsTheMatrixAsJson() throws Exception {
        AppRunner.Result r = AppRunner.run("features", "--extractor", "mfcc-librosa", "--param", "sr=native",
                "--format", "json", recording("0_jackson_0.wav"));
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("mfcc-librosa", j.get("extractor").asText());
        assertEquals("[40,11]", j.get("shape").toString());
        assertEquals(40, j.get("values").size());
        assertEquals(11, j.get("values").get(0).size());
        assertEquals("native", j.get("params").get("sr").asText());
        assertEquals(2048, j.get("params").get("n_fft").asInt(), "every resolved parameter is printed");
    }

    @Test
    void featuresPrintsAPooledVectorAsCsvAndRejectsBadParams() throws Exception {
        AppRunner.Result r = AppRunner.run("features", "-p", "pooling=mean", "--format", "csv", recording("0_jackson_0.wav"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(40, r.out().trim().split("\n").length);
        AppRunner.Result bad = AppRunner.run("features", "-p", "n_mfc=3", recording("0_jackson_0.wav"));
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("did you mean 'n_mfcc'"), bad.err());
        AppRunner.Result unknown = AppRunner.run("features", "-e", "mfcc-libros", recording("0_jackson_0.wav"));
        assertTrue(unknown.err().contains("did you mean 'mfcc-librosa'"), unknown.err());
    }

    @Test
    void plotWritesThreeLabelledPngs(@TempDir Path out) throws Exception {
        AppRunner.Result r = AppRunner.run("plot", recording("3_theo_10.wav"), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String kind : new String[] {"waveform", "melspectrogram", "mfcc"}) {
            BufferedImage img = ImageIO.read(out.resolve("3_theo_10-" + kind + ".png").toFile());
            assertEquals(1000, img.getWidth(), kind);
            assertTrue(img.getHeight() >= 300, kind);
        }
    }
}
