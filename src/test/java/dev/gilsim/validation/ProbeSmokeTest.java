package dev.gilsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The probes run on whatever python3 this machine has, and gilsim reads what they print. Timings
 * are not checked (this is no quiet machine): only that each probe runs and reports its samples.
 */
class ProbeSmokeTest {
    private static Measurement probe(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("python3", "probes/gilprobe.py"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--duration-s", "0.3", "--warmup-s", "0.1", "--quiet-wait-s", "0"));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "no python3 on this machine");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return Measurement.parse(new ObjectMapper().readTree(out));
    }

    @Test
    void theHeartbeatProbeReportsLagSamplesAndHandOffs() throws Exception {
        Measurement m = probe("heartbeat", "--threads", "2");
        // A real interpreter on a machine that may be busy with the rest of the build: the loop can
        // starve for hundreds of ms beside two spinners, so any lag sample at all is the behaviour.
        assertTrue(m.samples("lag_ns").length > 0, "no heartbeat lag sample");
        assertTrue(m.figure("handoff_switches") > 0, "two spinners hand the GIL to each other");
        assertTrue(m.machine().containsKey("cpu_model"));
        assertTrue(m.python().matches("3\\.\\d+\\.\\d+.*"));
    }

    @Test
    void theConvoyProbeCountsOperations() throws Exception {
        Measurement m = probe("convoy", "--op", "sleep0", "--threads", "0");
        assertTrue(m.figure("ops_per_s") > 100);
        assertTrue(m.samples("op_ns").length > 10);
    }
}
