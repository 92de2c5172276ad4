package dev.digits.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.experiment.Plugins;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.serve.RecognitionServer;
import dev.digits.serve.ServeSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Speech that is not a digit: Speech Commands' other words as {@code ?} in an experiment (figures, report), in a
 * trained bundle, and in {@code predict}, {@code stream} and {@code serve}.
 */
class OpenSetTest {
    @TempDir
    static Path dir;
    static Path yaml;
    static Path bundle;
    static Path sc;

    @BeforeAll
    static void trainWithOtherWords() throws Exception {
        sc = DatasetLocator.defaults().locate("speech-commands");
        yaml = dir.resolve("open.yaml");
        Files.writeString(yaml, """
                name: open
                dataset: {name: speech-commands, otherWords: true}
                protocol: {type: speaker-kfold, k: 3, seed: 1}
                extractors: [{id: m, type: mfcc-librosa, params: {sr: 8000, pooling: mean-std, n_mfcc: 13}}]
                models: [{id: logistic, backend: tribuo, spec: {type: logistic}}]
                """);
        bundle = dir.resolve("open.digits");
        AppRunner.Result r = AppRunner.run("train", "--config", yaml.toString(), "--out", bundle.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("(it answers ? for speech that is not a digit, and for a digit below confidence "
                + "0.50)"), r.out());
    }

    /** The other-word clips the model was trained on (all of them: --split all), a few words' first ones. */
    private static List<Path> otherClips(int perWord) throws Exception {
        List<Path> clips = new ArrayList<>();
        for (String word : List.of("yes", "no", "stop", "go", "left", "right")) {
            try (Stream<Path> s = Files.list(sc.resolve(word))) {
                s.sorted().limit(perWord).forEach(clips::add);
            }
        }
        return clips;
    }

    @Test
    void anExperimentGivesOpenSetFiguresAndTheReportPlotsThem() throws Exception {
        Path out = dir.resolve("run");
        AppRunner.Result r = AppRunner.run("run", yaml.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode runs = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("runs");
        int digits = 0;
        int others = 0;
        for (JsonNode run : runs) {
            JsonNode open = run.get("openSet");
            assertEquals(0.5, open.get("minConfidence").asDouble(), 0.0);
            assertEquals(run.get("provenance").get("split").get("testSize").asInt(),
                    open.get("digits").asInt() + open.get("others").asInt());
            digits += open.get("digits").asInt();
            others += open.get("others").asInt();
            assertEquals(21, open.get("curve").size());
            assertEquals(11, open.get("perClass").size());
            assertEquals("?", open.get("perClass").get(10).get("name").asText());
            assertEquals("speech-commands", open.get("perGroup").get(0).get("name").asText());
            assertTrue(open.get("othersAccepted").asDouble() < 0.5, open.toString());
            assertEquals(11, run.get("confusion").size());
        }
        // the sample: 331 digit clips and 1,260 of 25 other words; 1 and 10 of them hold no speech (skipped, said)
        assertEquals(330, digits);
        assertEquals(1250, others);
        assertTrue(r.err().contains("yes/1cb788bc_nohash_0.wav: no speech"), r.err());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("Speech that is not a digit"), "report section");
        assertTrue(report.contains("other speech accepted %"), "report table");
        List<Path> plots;
        try (Stream<Path> files = Files.list(out)) {
            plots = files.filter(p -> p.getFileName().toString().startsWith("openset-")).toList();
        }
        assertEquals(1, plots.size(), "one curve plot for the one model");
        assertTrue(Files.size(plots.get(0)) > 1000);
        assertTrue(report.contains("src=\"" + plots.get(0).getFileName() + "\""), "the plot in report.html");

        Path fsddOnly = dir.resolve("fsdd-other.yaml");
        Files.writeString(fsddOnly, Files.readString(yaml).replace("name: speech-commands", "name: fsdd"));
        AppRunner.Result refused = AppRunner.run("run", fsddOnly.toString(), "--out", dir.resolve("no").toString());
        assertEquals(1, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("dataset.otherWords: true takes the other words of Speech Commands, but no "
                + "dataset here is in its layout"), refused.err());
    }

    @Test
    void predictAnswersQuestionMarkWithTheReasonAndMinConfidenceChangesTheThreshold() throws Exception {
        ModelBundle b = ModelBundle.read(bundle, Plugins.discover(getClass().getClassLoader()));
        assertEquals("?", b.labels().get(10));
        assertEquals(0.5, b.minConfidence().orElseThrow(), 0.0);

        List<String> args = new ArrayList<>(List.of("predict", "--model", bundle.toString()));
        otherClips(2).forEach(p -> args.add(p.toString()));
        AppRunner.Result r = AppRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        long unknown = r.out().lines().filter(l -> l.split("\t")[1].equals("?")).count();
        assertTrue(unknown >= 9, unknown + " of 12 other words it was trained on answered ?: " + r.out());
        assertTrue(r.err().contains(": speech that is not a digit (probability "), r.err());

        Path digit = sc.resolve("seven").resolve(Files.list(sc.resolve("seven")).sorted().findFirst().orElseThrow()
                .getFileName());
        AppRunner.Result strict = AppRunner.run("predict", "--model", bundle.toString(), "--min-confidence", "1",
                digit.toString());
        assertEquals(0, strict.exitCode(), strict.err());
        assertEquals("?", strict.out().trim().split("\t")[1]);
    }

    @Test
    void benchStreamMixesInTheFoldsOwnOtherWordsOfSpeakersNeverHeard() throws Exception {
        Path firstFold = dir.resolve("first-fold.digits");
        AppRunner.Result trained = AppRunner.run("train", "--config", yaml.toString(), "--split", "train", "--out",
                firstFold.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        AppRunner.Result r = AppRunner.run("bench", "stream", "--model", firstFold.toString(), "--digits", "20",
                "--fold-of", yaml.toString(), "--other-words", "30");
        assertEquals(0, r.exitCode(), r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("20 digits from (\\d+) clips").matcher(r.out());
        assertTrue(m.find(), r.out());
        int digitClips = Integer.parseInt(m.group(1));
        assertTrue(digitClips > 50 && digitClips < 200, "the fold's digit clips only: " + r.out());
        assertTrue(r.out().matches("(?s).*between them 6 clips of other words \\(30 per 100 digits, from \\d+ clips of "
                + "Speech Commands' other words among the fold's test clips\\).*"), r.out());
    }

    @Test
    void adaptKeepsTheClassOfOtherSpeechAndTheThreshold() throws Exception {
        Path fsdd = DatasetLocator.defaults().locate("fsdd").resolve("recordings");
        Path clips = dir.resolve("george");
        for (int d = 0; d < 10; d++) {
            Path folder = Files.createDirectories(clips.resolve(Integer.toString(d)));
            Files.copy(fsdd.resolve(d + "_george_7.wav"), folder.resolve("g7.wav"));
        }
        Path adapted = dir.resolve("adapted.digits");
        AppRunner.Result r = AppRunner.run("adapt", "--model", bundle.toString(), "--clips", clips.toString(), "--out",
                adapted.toString(), "--no-check");
        assertEquals(0, r.exitCode(), r.err());
        ModelBundle b = ModelBundle.read(adapted, Plugins.discover(getClass().getClassLoader()));
        assertEquals(11, b.labels().size());
        assertEquals("?", b.labels().get(10));
        assertEquals(0.5, b.minConfidence().orElseThrow(), 0.0);
        List<String> args = new ArrayList<>(List.of("predict", "--model", adapted.toString()));
        otherClips(2).forEach(p -> args.add(p.toString()));
        AppRunner.Result predicted = AppRunner.run(args.toArray(String[]::new));
        long unknown = predicted.out().lines().filter(l -> l.split("\t")[1].equals("?")).count();
        assertTrue(unknown >= 9, unknown + " of 12 other words still answered ?: " + predicted.out());
    }

    @Test
    void streamPrintsNothingForOtherSpeechUnlessAskedAndServeAnswersQuestionMarkWithAReason() throws Exception {
        Path heardAsOther = null;
        for (Path clip : otherClips(2)) {
            AppRunner.Result shown = AppRunner.run("stream", "--model", bundle.toString(), clip.toString(),
                    "--show-unknown");
            assertEquals(0, shown.exitCode(), shown.err());
            if (shown.out().lines().count() == 1 && shown.out().trim().split(" ")[2].equals("?")) {
                heardAsOther = clip;
                break;
            }
        }
        assertTrue(heardAsOther != null, "some other word is streamed as ?");
        AppRunner.Result quiet = AppRunner.run("stream", "--model", bundle.toString(), heardAsOther.toString());
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertEquals("", quiet.out(), "nothing printed for ?");

        ModelBundle b = ModelBundle.read(bundle, Plugins.discover(getClass().getClassLoader()));
        try (RecognitionServer server = RecognitionServer.start(b, ServeSettings.defaults().withPort(0), System.err)) {
            JsonNode answer = new ObjectMapper().readTree(ServeTest.post(server, "audio/wav",
                    Files.readAllBytes(heardAsOther), null).body());
            assertEquals("?", answer.get("digit").asText(), answer.toString());
            assertTrue(answer.get("reason").asText().startsWith("speech that is not a digit")
                    || answer.get("reason").asText().startsWith("the model's confidence"), answer.toString());
            assertFalse(answer.has("noSpeech"), answer.toString());

            float[] samples = WavReader.read(heardAsOther).mono();
            float[] padded = new float[samples.length + 16000];
            System.arraycopy(samples, 0, padded, 4000, samples.length);
            ByteBuffer pcm = ByteBuffer.allocate(padded.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : padded) {
                pcm.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
            }
            pcm.flip();
            ServeTest.Collector c = new ServeTest.Collector();
            WebSocket ws = ServeTest.http.newWebSocketBuilder().buildAsync(URI.create(server.url().toString()
                    .replace("http:", "ws:") + "v1/stream?rate=16000"), c).join();
            ws.sendBinary(pcm, true).join();
            ws.sendText("end", true).join();
            assertEquals(1000, c.closed.get(30, TimeUnit.SECONDS));
            List<JsonNode> digits = new ArrayList<>();
            for (String m : c.messages) {
                JsonNode n = new ObjectMapper().readTree(m);
                if (n.get("type").asText().equals("digit")) {
                    digits.add(n);
                }
            }
            assertEquals(1, digits.size(), c.messages.toString());
            assertEquals("?", digits.get(0).get("digit").asText());
            assertTrue(digits.get(0).has("reason"), digits.get(0).toString());
        }
    }
}
