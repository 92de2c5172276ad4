package dev.digits.core.audio;

import dev.digits.core.audio.AudioFileException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WavReaderTest {
    @TempDir
    Path dir;

    private static final float[] RAMP = {0f, 0.25f, -0.5f, 0.75f, -1f, 0.5f};

    @Test
    void readsEveryPcmWidthAndFloat() throws IOException {
        for (int bits : new int[] {8, 16, 24, 32}) {
            Path f = dir.resolve("pcm" + bits + ".wav");
            WavWriter.write(f, RAMP, 16000, 1, WavFormat.Encoding.PCM_INT, bits);
            WavFile wav = WavReader.read(f);
            assertEquals(new WavFormat(WavFormat.Encoding.PCM_INT, 16000, 1, bits, RAMP.length), wav.format());
            double tolerance = bits == 8 ? 1.0 / 128 : 1e-4;
            for (int i = 0; i < RAMP.length; i++) {
                assertEquals(RAMP[i], wav.mono()[i], tolerance, bits + "-bit sample " + i);
            }
        }
        Path f = dir.resolve("float.wav");
        WavWriter.write(f, RAMP, 44100, 1, WavFormat.Encoding.IEEE_FLOAT, 32);
        WavFile wav = WavReader.read(f);
        assertEquals(44100, wav.format().sampleRate());
        assertArrayEquals(RAMP, wav.mono());
    }

    @Test
    void averagesChannelsToMono() throws IOException {
        float[] stereo = {0.5f, -0.5f, 1f, 0f, 0.25f, 0.75f};
        Path f = dir.resolve("stereo.wav");
        WavWriter.write(f, stereo, 48000, 2, WavFormat.Encoding.IEEE_FLOAT, 32);
        WavFile wav = WavReader.read(f);
        assertEquals(2, wav.format().channels());
        assertArrayEquals(new float[] {0f, 0.5f, 0.5f}, wav.mono(), 1e-7f);
    }

    @Test
    void skipsUnknownChunksBeforeData() throws IOException {
        byte[] plain = WavWriter.encode(RAMP, 8000, 1, WavFormat.Encoding.PCM_INT, 16);
        // insert a LIST chunk of odd length (padded) between fmt and data
        byte[] list = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c', 0};
        byte[] withList = new byte[plain.length + list.length];
        System.arraycopy(plain, 0, withList, 0, 36);
        System.arraycopy(list, 0, withList, 36, list.length);
        System.arraycopy(plain, 36, withList, 36 + list.length, plain.length - 36);
        Path f = write("list.wav", withList);
        assertEquals(RAMP.length, WavReader.read(f).mono().length);
    }

    @Test
    void nanOrInfiniteSamplesMakeAFileBad() throws IOException {
        float[] x = new float[16000];
        x[4000] = Float.NaN;
        x[8000] = Float.POSITIVE_INFINITY;
        Path f = dir.resolve("nan.wav");
        WavWriter.write(f, x, 16000, 1, WavFormat.Encoding.IEEE_FLOAT, 32);
        AudioFileException e = assertProblem(f, Problem.NON_FINITE, "non-finite samples");
        assertTrue(e.getMessage().contains("2 NaN or infinite, the first at sample 4000 (0.250 s)"), e.getMessage());
        assertTrue(e.getMessage().contains("nan.wav"), e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        assertProblem(write("empty.wav", new byte[0]), Problem.EMPTY, "0 bytes");
    }

    @Test
    void truncatedHeader() throws IOException {
        byte[] full = WavWriter.encode(RAMP, 8000, 1, WavFormat.Encoding.PCM_INT, 16);
        assertProblem(write("short.wav", Arrays.copyOf(full, 10)), Problem.TRUNCATED_HEADER, "truncated header");
        assertProblem(write("nofmt.wav", Arrays.copyOf(full, 24)), Problem.TRUNCATED_HEADER, "fmt chunk");
    }

    @Test
    void textFileRenamedWav() throws IOException {
        Path f = write("notes.wav", "hello, this is not audio\n".getBytes());
        AudioFileException e = assertProblem(f, Problem.NOT_WAV, "not a WAV file");
        assertTrue(e.getMessage().contains("hello"), e.getMessage());
    }

    @Test
    void dataChunkLongerThanFile() throws IOException {
        byte[] full = WavWriter.encode(RAMP, 8000, 1, WavFormat.Encoding.PCM_INT, 16);
        byte[] cut = Arrays.copyOf(full, full.length - 4);
        assertProblem(write("cut.wav", cut), Problem.DATA_TOO_LONG, "declares 12 bytes but only 8 follow");
    }

    @Test
    void unsupportedEncoding() throws IOException {
        byte[] bytes = WavWriter.encode(RAMP, 8000, 1, WavFormat.Encoding.PCM_INT, 8);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 7); // mu-law
        assertProblem(write("mulaw.wav", bytes), Problem.UNSUPPORTED_ENCODING, "mu-law");
    }

    @Test
    void noSamples() throws IOException {
        byte[] bytes = WavWriter.encode(new float[0], 8000, 1, WavFormat.Encoding.PCM_INT, 16);
        assertProblem(write("silent.wav", bytes), Problem.NO_SAMPLES, "no samples");
    }

    @Test
    void missingFileIsReportedAsUnreadable() {
        assertProblem(dir.resolve("nope.wav"), Problem.UNREADABLE, "nope.wav");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static AudioFileException assertProblem(Path f, Problem problem, String inMessage) {
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavReader.read(f));
        assertEquals(problem, e.problem());
        assertEquals(f, e.file());
        assertTrue(e.getMessage().startsWith(f.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(inMessage), "message says '" + inMessage + "': " + e.getMessage());
        return e;
    }
}
