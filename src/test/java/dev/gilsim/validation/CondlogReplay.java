package dev.gilsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of `probes/condlog/condlog.py`'s readings on a trace written by hand; skips without python3. */
final class CondlogReplay {
    private CondlogReplay() {
    }

    /** The JSON (keys sorted) of {@code call}, an expression over the module {@code condlog}. */
    static String json(String call) throws IOException, InterruptedException {
        String code = "import json, sys; sys.path.insert(0, 'probes/condlog'); sys.path.insert(0, 'probes');"
                + " import condlog; print(json.dumps(" + call + ", sort_keys=True))";
        Process p;
        try {
            p = new ProcessBuilder(List.of("python3", "-c", code)).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no python3 on this machine");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
