package dev.digits.core.audio;

import java.io.IOException;
import java.nio.file.Path;

/** An audio file that cannot be read, with the file and the problem named. */
public class AudioFileException extends IOException {

    /** What is wrong with the file. */
    public enum Problem {
        EMPTY("empty file (0 bytes)"),
        TRUNCATED_HEADER("truncated header"),
        IMPOSSIBLE_FORMAT("impossible format"),
        NOT_WAV("not a WAV file"),
        DATA_TOO_LONG("data chunk longer than the file"),
        UNSUPPORTED_ENCODING("unsupported encoding"),
        NO_SAMPLES("no samples"),
        NON_FINITE("non-finite samples"),
        OUT_OF_LIMITS("outside the limits of audio input"),
        UNREADABLE("cannot be read");

        private final String summary;

        Problem(String summary) {
            this.summary = summary;
        }

        public String summary() {
            return summary;
        }
    }

    private final Path file;
    private final Problem problem;
    private final String detail;

    public AudioFileException(Path file, Problem problem, String detail) {
        super(file + ": " + problem.summary() + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
        this.file = file;
        this.problem = problem;
        this.detail = detail;
    }

    public AudioFileException(Path file, IOException cause) {
        super(file + ": " + Problem.UNREADABLE.summary() + " (" + cause.getMessage() + ")", cause);
        this.file = file;
        this.problem = Problem.UNREADABLE;
        this.detail = cause.getMessage();
    }

    public Path file() {
        return file;
    }

    public Problem problem() {
        return problem;
    }

    /** The problem without the file name, such as {@code truncated header (only 10 bytes)}. */
    public String getProblem() {
        return problem.summary() + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
