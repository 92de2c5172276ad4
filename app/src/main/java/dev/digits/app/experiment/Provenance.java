package dev.digits.app.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Facts about the software a run used: Java, digits and plugin versions, and the git commit. */
final class Provenance {
    private Provenance() {
    }

    /** The git commit of the digits checkout this JVM runs from ({@code digits.home}), and whether it has edits. */
    static Map<String, Object> codeVersion() {
        String home = System.getProperty("digits.home");
        Path dir = home == null ? Path.of("") : Path.of(home);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gitCommit", git(dir, "rev-parse", "HEAD"));
        String dirty = git(dir, "status", "--porcelain", "--untracked-files=no");
        m.put("gitDirty", dirty != null && !dirty.isBlank());
        return m;
    }

    /**
     * Java, OS, digits and plugin versions of this JVM, with {@code codeVersion} from the driver (a remote worker
     * runs the driver's code but may have no git checkout).
     */
    static Map<String, Object> software(Map<String, Object> codeVersion, Object... plugins) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("digits", version(Provenance.class));
        for (Object p : plugins) {
            if (p != null) {
                m.put(p.getClass().getName(), version(p.getClass()));
            }
        }
        m.putAll(codeVersion);
        return m;
    }

    private static String version(Class<?> c) {
        String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    private static String git(Path dir, String... args) {
        try {
            String[] cmd = new String[args.length + 3];
            cmd[0] = "git";
            cmd[1] = "-C";
            cmd[2] = dir.toAbsolutePath().toString();
            System.arraycopy(args, 0, cmd, 3, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
