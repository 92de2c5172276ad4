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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page of {@code digits serve} in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}): its microphone is a WAV file of spoken digits, and an upload goes through the file box.
 * Runs with {@code mvn -Pbrowser}; .ci/run installs the browser and runs it after the main build.
 */
@Tag("browser")
@Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS)
class PageBrowserTest {
    static final Path CHROMIUM = Path.of(System.getProperty("digits.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("digits.chromedriver", "/usr/bin/chromedriver"));

    @TempDir
    Path dir;

    @Test
    void thePageRecordsFromTheMicrophoneAndShowsTheSpokenDigitsAndRecognisesAnUpload() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "needs " + CHROMIUM + " and "
                + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        Path file = TestBundles.officialSvm(dir);
        ModelBundle bundle = ModelBundle.read(file, Plugins.discover(getClass().getClassLoader()));

        // the fake microphone (Chromium loops it)
        SpokenDigitsWav microphone = SpokenDigitsWav.in(dir);
        String spoken = microphone.spoken();
        Path mic = microphone.file();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")),
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + mic, "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        try (RecognitionServer server = RecognitionServer.start(bundle, ServeSettings.defaults().withPort(0), System.err)) {
            WebDriver browser = new ChromeDriver(service, options);
            try {
                browser.get(server.url().toString());
                waitFor(() -> browser.findElement(By.id("model")).getText().contains("ready"), 20,
                        () -> "the page shows the model: " + browser.findElement(By.id("model")).getText());
                assertTrue(browser.findElement(By.id("model")).getText().contains("mfcc-librosa + tribuo svm"));

                browser.findElement(By.id("start")).click();
                waitFor(() -> browser.findElement(By.id("digits")).getText().length() >= spoken.length(), 60,
                        () -> "digits shown: '" + browser.findElement(By.id("digits")).getText() + "', log: "
                                + browser.findElement(By.id("log")).getText());
                String shown = browser.findElement(By.id("digits")).getText().substring(0, spoken.length());
                assertTrue(ModelUseTest.editDistance(spoken, shown) <= 1, "spoken " + spoken + ", shown " + shown);
                assertTrue(browser.findElement(By.id("log")).getText().contains("confidence"));
                browser.findElement(By.id("stop")).click();

                Path upload = DatasetLocator.defaults().locate("fsdd").resolve("recordings/8_lucas_3.wav");
                browser.findElement(By.id("file")).sendKeys(upload.toString());
                waitFor(() -> browser.findElement(By.id("result")).getText().contains("confidence"), 20,
                        () -> "upload result: " + browser.findElement(By.id("result")).getText());
                assertTrue(browser.findElement(By.id("result")).getText().startsWith("8_lucas_3.wav: 8 (confidence"),
                        browser.findElement(By.id("result")).getText());
            } finally {
                browser.quit();
            }
        }
    }

    private static void waitFor(Supplier<Boolean> condition, int seconds, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gave up after " + seconds + " s: " + what.get());
    }
}
