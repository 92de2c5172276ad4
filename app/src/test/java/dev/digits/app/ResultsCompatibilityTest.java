package dev.digits.app;

import dev.digits.experiment.results.CellResult;
import dev.digits.recognition.provenance.ResultsJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cell records written before they were typed still read (for --resume and reports); broken ones are one line. */
class ResultsCompatibilityTest {

    private static byte[] oldCell() throws IOException {
        try (InputStream in = ResultsCompatibilityTest.class.getResourceAsStream("/compat/cell-before-typed-records.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aCellFileFromBeforeTypedRecordsReadsWithEveryFigure() throws Exception {
        CellResult cell = ResultsJson.read(oldCell(), CellResult.class, Path.of("old.json"), "cell record");
        assertTrue(cell.ok());
        assertEquals("tribuo-logistic", cell.identity().model());
        assertEquals(0.8933333333333333, cell.accuracy(), 1e-12);
        assertEquals(10, cell.scores().perClass().size());
        assertEquals(300, cell.scores().testCorrect().length());
        assertEquals(10, cell.scores().confusion().length);
        assertEquals(32, cell.scores().misclassified().size());
        assertEquals("04e1baae96c6a26e39c623f2b01d0182ddae627ba0ac02a3cdc17ba2af99fd9b", cell.provenance().dataset().sha256());
        assertEquals("2f4355818597d351adcd8d078bcae18a8fe99267", cell.provenance().software().gitCommit());
        assertEquals(2, cell.provenance().extractor().revision());

        // written again and read back: the same record
        CellResult again = ResultsJson.read(ResultsJson.write(cell), CellResult.class, Path.of("new.json"), "cell record");
        assertEquals(cell.accuracy(), again.accuracy());
        assertEquals(cell.scores().misclassified(), again.scores().misclassified());
        assertArrayEquals(cell.scores().confusion()[3], again.scores().confusion()[3]);
        assertEquals(cell.provenance(), again.provenance());
        // the file keeps its flat form: the same fields at the top level as before the record had parts
        String written = new String(ResultsJson.write(cell), StandardCharsets.UTF_8);
        assertTrue(written.contains("\"model\" : \"tribuo-logistic\"") && written.contains("\"accuracy\" : 0.89")
                && written.contains("\"trainSeconds\"") && !written.contains("\"identity\"")
                && !written.contains("\"scores\""), written);
    }

    @Test
    void aMalformedCellFileIsOneLineNamingTheFile() throws Exception {
        String text = new String(oldCell(), StandardCharsets.UTF_8).replace("\"accuracy\" : 0.89", "\"accuracy\" : \"high\" , \"x\" : 0.89");
        IOException e = assertThrows(IOException.class, () -> ResultsJson.read(text.getBytes(StandardCharsets.UTF_8),
                CellResult.class, Path.of("results/x/cells/a.json"), "cell record"));
        assertTrue(e.getMessage().startsWith("results/x/cells/a.json: malformed cell record (line "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());

        IOException truncated = assertThrows(IOException.class, () -> ResultsJson.read(
                new String(oldCell(), StandardCharsets.UTF_8).substring(0, 500).getBytes(StandardCharsets.UTF_8),
                CellResult.class, Path.of("t.json"), "cell record"));
        assertTrue(truncated.getMessage().startsWith("t.json: malformed cell record"), truncated.getMessage());
    }
}
