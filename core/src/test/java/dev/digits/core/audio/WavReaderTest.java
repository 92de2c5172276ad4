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
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 2); // Microsoft ADPCM
        assertProblem(write("adpcm.wav", bytes), Problem.UNSUPPORTED_ENCODING, "Microsoft ADPCM; supported: integer PCM");
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

    @Test
    void g711ExpandsToTheStandardLinearValues() {
        assertEquals(0, SampleCodec.muLawToLinear(0xFF));
        assertEquals(0, SampleCodec.muLawToLinear(0x7F));
        assertEquals(-32124, SampleCodec.muLawToLinear(0x00));
        assertEquals(32124, SampleCodec.muLawToLinear(0x80));
        assertEquals(8, SampleCodec.aLawToLinear(0xD5));
        assertEquals(-8, SampleCodec.aLawToLinear(0x55));
        assertEquals(32256, SampleCodec.aLawToLinear(0xAA));
        assertEquals(-32256, SampleCodec.aLawToLinear(0x2A));
        for (int code = 0; code < 256; code++) {
            assertEquals(code == 0x7F ? 0xFF : code, SampleCodec.linearToMuLaw(SampleCodec.muLawToLinear(code)), "mu-law " + code);
            assertEquals(code, SampleCodec.linearToALaw(SampleCodec.aLawToLinear(code)), "A-law " + code);
        }
    }

    @Test
    void readsTelephoneAudioInMuLawAndALaw() throws IOException {
        float[] tone = new float[800];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.6 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        for (WavFormat.Encoding encoding : new WavFormat.Encoding[] {WavFormat.Encoding.MU_LAW, WavFormat.Encoding.A_LAW}) {
            Path f = dir.resolve(encoding + ".wav");
            WavWriter.write(f, tone, 8000, 1, encoding, 8);
            WavFile wav = WavReader.read(f);
            assertEquals(new WavFormat(encoding, 8000, 1, 8, tone.length), wav.format());
            assertTrue(wav.format().describe().startsWith("8-bit " + encoding.label()), wav.format().describe());
            for (int i = 0; i < tone.length; i++) {
                // G.711 keeps about 3% relative precision (4 mantissa bits per segment)
                assertEquals(tone[i], wav.mono()[i], 0.035 * Math.abs(tone[i]) + 0.001, encoding + " sample " + i);
            }
        }
    }

    @Test
    void readsWaveFormatExtensibleWithAnySupportedSubFormat() throws IOException {
        float[] tone = {0f, 0.5f, -0.5f, 0.25f};
        for (WavFormat.Encoding encoding : new WavFormat.Encoding[] {WavFormat.Encoding.PCM_INT, WavFormat.Encoding.MU_LAW}) {
            int bits = encoding == WavFormat.Encoding.PCM_INT ? 16 : 8;
            byte[] plain = WavWriter.encode(tone, 16000, 1, encoding, bits);
            int code = ByteBuffer.wrap(plain, 20, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
            ByteBuffer ext = ByteBuffer.allocate(plain.length + 24).order(ByteOrder.LITTLE_ENDIAN);
            ext.put(plain, 0, 12).put("fmt ".getBytes()).putInt(40).putShort((short) 0xFFFE).put(plain, 22, 14)
                    .putShort((short) 22).putShort((short) bits).putInt(4) // cbSize, valid bits, channel mask
                    .putShort((short) code).put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
                            (byte) 0x9B, 0x71}) // the rest of the KSDATAFORMAT_SUBTYPE GUID
                    .put(plain, 36, plain.length - 36);
            Path f = dir.resolve("extensible-" + encoding + ".wav");
            Files.write(f, ext.array());
            WavFile wav = WavReader.read(f);
            assertEquals(encoding, wav.format().encoding());
            assertArrayEquals(WavReader.decode(f, plain).mono(), wav.mono(), 0f);
        }
    }

    @Test
    void aDataSizeARecorderNeverWroteIsReadToTheEndWithAWarning() throws IOException {
        byte[] plain = WavWriter.encode(RAMP, 8000, 1, WavFormat.Encoding.PCM_INT, 16);
        for (int declared : new int[] {0, 0xFFFFFFFF}) {
            byte[] streamed = plain.clone();
            ByteBuffer.wrap(streamed).order(ByteOrder.LITTLE_ENDIAN).putInt(40, declared);
            WavFile wav = WavReader.decode(Path.of("rec.wav"), streamed);
            assertEquals(RAMP.length, wav.format().frames());
            assertArrayEquals(WavReader.decode(Path.of("ok.wav"), plain).mono(), wav.mono(), 0f);
            assertTrue(wav.warning() != null && wav.warning().contains(declared == 0 ? "declares 0 bytes" : "0xFFFFFFFF")
                    && wav.warning().contains("read the 12 bytes to the end of the file"), wav.warning());
        }
        assertEquals(null, WavReader.decode(Path.of("ok.wav"), plain).warning());
    }

    @Test
    void aRateOrChannelCountOfZeroIsReportedAsWhatItIs() {
        byte[] plain = WavWriter.encode(RAMP, 8000, 1, WavFormat.Encoding.PCM_INT, 16);
        byte[] noRate = plain.clone();
        ByteBuffer.wrap(noRate).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 0);
        AudioFileException rate = assertThrows(AudioFileException.class, () -> WavReader.decode(Path.of("a.wav"), noRate));
        assertEquals("a.wav: impossible format (sample rate of 0 Hz in the fmt chunk)", rate.getMessage());
        byte[] noChannels = plain.clone();
        ByteBuffer.wrap(noChannels).order(ByteOrder.LITTLE_ENDIAN).putShort(22, (short) 0);
        AudioFileException channels = assertThrows(AudioFileException.class, () -> WavReader.decode(Path.of("b.wav"), noChannels));
        assertEquals("b.wav: impossible format (0 channels in the fmt chunk)", channels.getMessage());
    }
}
