package dev.gilsim.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MeasurementTest {
    private static final String PROBE_OUTPUT = """
            {"probe":"spinners","probe_version":1,"experiment":"spinners-2","repetition":2,
             "params":{"threads":2,"duration_s":2.0},
             "machine":{"python":"3.12.1","cpu_count":2},
             "quiet":{"other_cpu_share":0.07,"quiet":false},
             "figures":{"beats":12,"note":"text"},
             "samples":{"lag_ns":[1500,2500]},
             "handoffs":{"holds_us":[5000.5],"switch_gaps_us":[25.0,30.5,41.0]}}
            """;

    @Test
    void aProbeOutputIsReadWithItsVersionQuietnessFiguresAndSamples() throws Exception {
        Measurement m = Measurement.parse(new ObjectMapper().readTree(PROBE_OUTPUT));
        assertEquals("spinners-2", m.experiment());
        assertEquals(2, m.repetition());
        assertEquals("3.12", m.minorVersion());
        assertFalse(m.quiet());
        assertEquals(12.0, m.figure("beats"));
        assertArrayEquals(new long[] {1500, 2500}, m.samples("lag_ns"));
        assertArrayEquals(new long[] {25_000, 30_500, 41_000}, m.samples("switch_gap_ns"));
    }

    @Test
    void version1OutputsCountHandOffsFromTheirGapsOverTheMeasuredDuration() throws Exception {
        Measurement m = Measurement.parse(new ObjectMapper().readTree(PROBE_OUTPUT));
        assertEquals(3.0, m.figure("handoff_switches"));
        assertEquals(2000.0, m.figure("handoff_window_ms"));
    }

    @Test
    void disturbedRunsAreCountedButLeftOut() throws Exception {
        Dataset d = new Dataset();
        d.add(Measurement.parse(new ObjectMapper().readTree(PROBE_OUTPUT)));
        assertEquals(0, d.size());
        assertEquals(1, d.disturbed());
    }

    /**
     * A folder of probe results may keep other JSON beside them (condlog's traces of the same
     * experiments): it names no experiment and no version, and is not read as a run.
     */
    @Test
    void otherJsonBesideTheRunsIsNotARun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String quietRun = PROBE_OUTPUT.replace("\"other_cpu_share\":0.07,\"quiet\":false", "\"other_cpu_share\":0.0,\"quiet\":true");
        java.nio.file.Files.writeString(dir.resolve("spinners-2.r2.json"), quietRun);
        java.nio.file.Files.createDirectories(dir.resolve("condlog-3.12.1"));
        java.nio.file.Files.writeString(dir.resolve("condlog-3.12.1").resolve("heartbeat-5ms-1cpu.r2.json"),
                "{\"workload\":\"heartbeat --threads 1\",\"quiet\":{\"other_cpu_share\":0.0,\"quiet\":true},"
                        + "\"figures\":{\"timed_wait_lateness_us\":[1,2,3]}}");
        Dataset d = Dataset.read(dir);
        assertEquals(java.util.List.of("3.12.1"), d.versions());
        assertEquals(1, d.size());
    }
}
