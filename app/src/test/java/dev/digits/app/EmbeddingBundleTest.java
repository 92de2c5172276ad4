package dev.digits.app;

import dev.digits.experiment.Plugins;

import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.recognition.provenance.RunProvenance;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.fetch.PinnedInstaller;
import dev.digits.features.embedding.SpeechModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bundle of a speech-embedding model carries the ONNX files: it predicts where they were never installed. */
class EmbeddingBundleTest {
    @TempDir
    Path dir;

    @Test
    void theBundleCarriesTheModelFilesAndRecordsTheirHashes() throws Exception {
        Path models = new PinnedInstaller(l -> { }).install(SpeechModelFiles.PACKAGE, dir.resolve("models"),
                List.of(Path.of("..", "features-embedding", "target", "pinned").toString()));
        Path corpus = MiniCorpus.create(dir, 3);
        Path yaml = dir.resolve("emb.yaml");
        Files.writeString(yaml, """
                name: emb
                dataset: {path: %s}
                cache: false
                protocol: {type: leave-one-speaker-out}
                extractors: [{id: emb, type: speech-embedding, params: {models: %s}}]
                models: [{id: logistic, backend: tribuo, spec: {type: logistic}}]
                """.formatted(corpus, models));
        Path bundle = dir.resolve("emb.digits");
        AppRunner.Result trained = AppRunner.run("train", "--config", yaml.toString(), "--out", bundle.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        try (Stream<Path> files = Files.walk(models)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertFalse(Files.exists(models), "the installed files are gone");

        Path wav = DatasetLocator.defaults().locate("fsdd").resolve("recordings/7_theo_3.wav");
        AppRunner.Result predicted = AppRunner.run("predict", "--model", bundle.toString(), wav.toString());
        assertEquals(0, predicted.exitCode(), predicted.err());
        assertTrue(predicted.out().startsWith(wav + "\t"), predicted.out());

        ModelBundle b = ModelBundle.read(bundle, Plugins.discover(getClass().getClassLoader()));
        Map<String, String> expected = Map.of(SpeechModelFiles.MEL, SpeechModelFiles.sha256(SpeechModelFiles.MEL),
                SpeechModelFiles.EMBEDDING, SpeechModelFiles.sha256(SpeechModelFiles.EMBEDDING));
        assertEquals(expected, b.manifest().extractor().files());
        RunProvenance provenance = b.manifest().provenance();
        assertEquals(expected, provenance.extractor().files());
        assertEquals(b.extractor().revision(), provenance.extractor().revision());
    }
}
