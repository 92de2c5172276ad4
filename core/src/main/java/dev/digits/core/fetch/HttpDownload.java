package dev.digits.core.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Downloads one URL ({@code http}, {@code https} or {@code file}) into a file, reporting progress. A partial file
 * left by an interrupted download is resumed with an HTTP range request when the server allows it, else the
 * download starts over. Errors are one line naming the URL's problem (no connection, HTTP status).
 */
public final class HttpDownload {
    private final TransferProgress progress;

    public HttpDownload(TransferProgress progress) {
        this.progress = progress;
    }

    /**
     * Downloads {@code url} into {@code file}; when {@code file} already holds the start of it, only the rest is
     * fetched.
     *
     * @return {@code file}
     */
    public Path fetch(String url, Path file) throws IOException {
        return fetch(url, file, Long.MAX_VALUE);
    }

    /**
     * Downloads {@code url} into {@code file}, refusing more than {@code maxBytes} (a server that never stops sending)
     * and giving up when no data comes for {@link #stallSeconds()} (a stalled mirror); errors name the URL.
     */
    public Path fetch(String url, Path file, long maxBytes) throws IOException {
        try {
            return download(url, file, maxBytes);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException(why.startsWith(url) ? why : url + ": " + why, e);
        }
    }

    /** Why fetching {@code source} failed, without the source's name (for a list of sources tried). */
    public static String reason(String source, IOException e) {
        String why = String.valueOf(e.getMessage());
        return why.startsWith(source + ": ") ? why.substring(source.length() + 2) : why;
    }

    /** Seconds without data after which a download is given up: 60, or {@code -Ddigits.fetch.stallSeconds=N}. */
    static int stallSeconds() {
        return Integer.getInteger("digits.fetch.stallSeconds", 60);
    }

    private Path download(String url, Path file, long maxBytes) throws IOException {
        String label = "download " + url.substring(url.lastIndexOf('/') + 1);
        if (url.startsWith("file:")) {
            Files.copy(Path.of(URI.create(url)), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
        long have = Files.isRegularFile(file) ? Files.size(file) : 0;
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(stallSeconds()))
                .GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException("no connection: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        int status = response.statusCode();
        boolean resumed = status == 206 && have > 0;
        if (status == 416 && have > 0) {
            response.body().close();
            return file; // the partial file is already complete
        }
        if (status != 200 && !resumed) {
            response.body().close();
            throw new IOException("HTTP " + status);
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long start = resumed ? have : 0;
        long total = length < 0 ? -1 : start + length;
        if (total > maxBytes) {
            response.body().close();
            throw new IOException("it is " + total + " bytes, more than the " + maxBytes + " the file can be");
        }
        OutputStream out = resumed ? Files.newOutputStream(file, StandardOpenOption.APPEND)
                : Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try (InputStream in = response.body(); out; StallWatch watch = new StallWatch(in, stallSeconds())) {
            byte[] buf = new byte[1 << 16];
            long done = start;
            progress.update(label, done, total);
            int n;
            while ((n = watch.read(buf)) > 0) {
                out.write(buf, 0, n);
                done += n;
                if (done > maxBytes) {
                    throw new IOException("it sent more than the " + maxBytes + " bytes the file can be; stopped");
                }
                progress.update(label, done, total);
            }
            if (total > 0 && done < total) {
                throw new IOException("connection closed after " + done + " of " + total + " bytes (run again to resume)");
            }
            progress.update(label, done, Math.max(total, done));
        }
        return file;
    }
}
