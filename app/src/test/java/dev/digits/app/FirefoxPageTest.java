package dev.digits.app;

import dev.digits.experiment.Plugins;

import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.serve.RecognitionServer;
import dev.digits.serve.ServeSettings;
import dev.digits.core.dataset.DatasetLocator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page of {@code digits serve} in a real headless Firefox (Debian's {@code firefox-esr}), driven over WebDriver
 * BiDi. Firefox's own fake microphone only plays a tone, so the page's {@code getUserMedia} is given, before the
 * page loads, a stream that plays a WAV file of spoken digits through Web Audio: everything after it (the page's
 * audio graph, the WebSocket, the digits shown) is the page's own code. Runs with {@code mvn -Pbrowser}; .ci/run
 * installs Firefox ESR and PulseAudio and runs it after the main build.
 */
@Tag("browser")
@Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS)
class FirefoxPageTest {
    static final Path FIREFOX = Path.of(System.getProperty("digits.firefox", "/usr/bin/firefox-esr"));
    /** Firefox's Web Audio needs a sound server: a private PulseAudio with a null sink (see {@link BiDiFirefox}). */
    static final Path PULSEAUDIO = Path.of("/usr/bin/pulseaudio");

    @TempDir
    Path dir;

    @Test
    void thePageRecordsFromTheMicrophoneAndShowsTheSpokenDigitsAndRecognisesAnUpload() throws Exception {
        assertTrue(Files.isExecutable(FIREFOX) && Files.isExecutable(PULSEAUDIO), "needs " + FIREFOX + " and "
                + PULSEAUDIO + " (apt-get install firefox-esr pulseaudio)");
        Path file = TestBundles.officialSvm(dir);
        ModelBundle bundle = ModelBundle.read(file, Plugins.discover(getClass().getClassLoader()));

        SpokenDigitsWav microphone = SpokenDigitsWav.in(dir);
        String spoken = microphone.spoken();
        String wav = Base64.getEncoder().encodeToString(Files.readAllBytes(microphone.file()));

        Map<String, Object> prefs = Map.of(
                "media.navigator.permission.disabled", true,
                "media.cubeb.backend", "pulse",
                "media.autoplay.default", 0,
                "media.autoplay.blocking_policy", 0,
                "browser.shell.checkDefaultBrowser", false,
                "datareporting.policy.dataSubmissionEnabled", false,
                "toolkit.telemetry.reportingpolicy.firstRun", false,
                "browser.startup.homepage_override.mstone", "ignore",
                "app.update.disabledForTesting", true);
        try (RecognitionServer server = RecognitionServer.start(bundle, ServeSettings.defaults().withPort(0), System.err);
             BiDiFirefox browser = BiDiFirefox.start(FIREFOX, dir, prefs)) {
            browser.beforeEveryPage("() => { const wav = Uint8Array.from(atob('" + wav + "'), c => c.charCodeAt(0));"
                    + " navigator.mediaDevices.getUserMedia = async () => {"
                    + "  const audio = new AudioContext(); await audio.resume();"
                    + "  const source = audio.createBufferSource();"
                    + "  source.buffer = await audio.decodeAudioData(wav.buffer.slice(0));"
                    + "  const out = audio.createMediaStreamDestination(); source.connect(out); source.start();"
                    + "  return out.stream; }; }");
            browser.navigate(server.url().toString());
            waitFor(browser, "model", t -> t.contains("ready"), 20);
            assertTrue(browser.text("model").contains("mfcc-librosa + tribuo svm"), browser.text("model"));

            browser.click("start");
            String shown = waitFor(browser, "digits", t -> t.length() >= spoken.length(), 60).substring(0, spoken.length());
            assertTrue(ModelUseTest.editDistance(spoken, shown) <= 1, "spoken " + spoken + ", shown " + shown
                    + "; log: " + browser.text("log"));
            assertTrue(browser.text("log").contains("confidence"), browser.text("log"));
            browser.click("stop");

            Path upload = DatasetLocator.defaults().locate("fsdd").resolve("recordings/8_lucas_3.wav");
            browser.setFile("file", upload);
            String result = waitFor(browser, "result", t -> t.contains("confidence"), 20);
            assertTrue(result.startsWith("8_lucas_3.wav: 8 (confidence"), result);
        }
    }

    /** The element's text once {@code condition} holds, polling; fails after {@code seconds} showing the page's log. */
    private static String waitFor(BiDiFirefox browser, String id, java.util.function.Predicate<String> condition,
            int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String text = "";
        while (System.nanoTime() < deadline) {
            text = browser.text(id);
            if (condition.test(text)) {
                return text;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gave up after " + seconds + " s waiting on #" + id + ": '" + text + "'; log: "
                + browser.text("log"));
    }
}
