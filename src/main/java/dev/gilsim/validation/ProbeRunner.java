package dev.gilsim.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the probes on a real interpreter: copies them out of the jar into a temporary folder and
 * runs the suite driver ({@code suite.py}) with that interpreter, one probe at a time, passing its
 * progress lines on. The driver keeps runs already stored, so a second call resumes.
 */
public final class ProbeRunner {
    private static final List<String> FILES = List.of("gilprobe.py", "suite.py", "suite.json");

    private ProbeRunner() {
    }

    /** {@code 3.12.1}: the interpreter's version, asked of the interpreter itself. */
    public static String version(String python) {
        List<String> out = run(List.of(python, "-c", "import platform; print(platform.python_version())"),
                line -> { }, 60);
        if (out.isEmpty() || !out.get(out.size() - 1).matches("\\d+\\.\\d+\\.\\d+.*")) {
            throw new IllegalArgumentException(python + " did not answer with a Python version");
        }
        return out.get(out.size() - 1).trim();
    }

    /** Measures the suite (or the experiments matching {@code only}) into {@code out}. */
    public static void measure(String python, Path out, int repetitions, String only, Consumer<String> progress)
            throws IOException {
        Path dir = Files.createTempDirectory("gilsim-probes-");
        try {
            for (String f : FILES) {
                try (InputStream in = ProbeRunner.class.getResourceAsStream(Suite.RESOURCE_DIR + f)) {
                    if (in == null) {
                        throw new IllegalStateException("probes/" + f + " is missing from the jar");
                    }
                    Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            List<String> cmd = new ArrayList<>(List.of(python, dir.resolve("suite.py").toString(), "--python", python,
                    "--out", out.toAbsolutePath().toString(), "--reps", Integer.toString(repetitions)));
            if (only != null) {
                cmd.add("--only");
                cmd.add(only);
            }
            run(cmd, progress, 4 * 3600);
        } finally {
            for (String f : FILES) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.deleteIfExists(dir);
        }
    }

    private static List<String> run(List<String> cmd, Consumer<String> progress, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                    progress.accept(line);
                }
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish");
            }
            if (p.exitValue() != 0) {
                String tail = lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1);
                throw new IllegalArgumentException(cmd.get(0) + " failed (exit " + p.exitValue() + ")" + tail);
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
