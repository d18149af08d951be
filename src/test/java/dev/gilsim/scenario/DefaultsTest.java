package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilsim.executor.PoolDefaults;
import dev.gilsim.interpreter.PythonVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** defaults.yaml's versions table, as a scenario resolves it. */
class DefaultsTest {
    private static final String PLAIN = """
            name: plain
            duration: 1s
            processes: [{name: p, threads: [{name: t, steps: [{cpu: 1ms}]}]}]
            """;

    /**
     * E1, E3: every version from 3.8 sizes a thread pool min(32, cpus + 4) (3.13 counts
     * process_cpu_count, the same without CPU affinity) and a process pool one per CPU.
     */
    @Test
    void everyVersionSizesItsPoolsByTheCpuCount() {
        for (PythonVersion v : PythonVersion.values()) {
            for (int cores : new int[] {1, 2, 8, 28, 64}) {
                Scenario s = new ScenarioLoader().load("plain.yaml", PLAIN,
                        List.of("python.version=\"" + v.text() + "\"", "machine.cores=" + cores)).first();
                assertEquals(new PoolDefaults(Math.min(32, cores + 4), cores), s.poolDefaults(), v + " on " + cores);
            }
        }
    }
}
