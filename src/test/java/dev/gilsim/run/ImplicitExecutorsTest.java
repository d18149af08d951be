package dev.gilsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.metrics.AppSummary;
import dev.gilsim.scenario.Defaults;
import dev.gilsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executors a server has without declaring them follow the same settings as declared ones:
 * {@code --set} on the scenario, and defaults.yaml's {@code executors:} as a profile overrides it.
 */
class ImplicitExecutorsTest {
    /** Two def requests at 10 ms, each 100 ms of blocking I/O (no GIL), on anyio's implicit pool. */
    private static final String TWO_DEF_CALLS = """
            name: two-def-calls
            duration: 1s
            warmup: 0
            servers:
              - name: api
                endpoints:
                  - {name: slow, kind: def, steps: [{io: 100ms}]}
                arrivals:
                  - {burst: 2, at: 10ms}
            """;

    /**
     * With anyio's 40 tokens both calls run side by side and answer about 100 ms after arriving;
     * with one token set on the command line the second waits for the first: about 200 ms.
     */
    @Test
    void theImplicitAnyioPoolBehindDefEndpointsFollowsTokensSetOnTheCommandLine() {
        double side = slowest(List.of());
        double queued = slowest(List.of("servers.api.executors.anyio.tokens=1"));
        assertTrue(side >= 100 && side < 110, "40 tokens: " + side);
        assertTrue(queued >= 200 && queued < 220, "1 token: " + queued);
    }

    private static double slowest(List<String> sets) {
        RunResult r = Simulation.run(new ScenarioLoader().load("s.yaml", TWO_DEF_CALLS, sets).first());
        AppSummary.Endpoint slow = r.summary().app().endpoints().get(0);
        assertEquals(2, slow.completed());
        return slow.latency().maxMs();
    }

    /** Five def requests at 10 ms, each 100 ms of blocking I/O: with 40 tokens, five worker threads. */
    private static final String FIVE_DEF_CALLS = TWO_DEF_CALLS.replace("burst: 2", "burst: 5");

    /**
     * A machine profile that sets {@code executors.anyio.tokens: 2} (defaults for every anyio pool)
     * reaches the pool behind def endpoints, which no scenario declares: two worker threads serve
     * the five calls two at a time, 100, 100, 200, 200 and 300 ms after they arrive. The same file
     * without the profile starts a thread per call.
     */
    @Test
    void theImplicitAnyioPoolFollowsTokensFromAMachineProfile(@TempDir Path dir) throws IOException {
        Path profile = Files.writeString(dir.resolve("profile.yaml"), "executors:\n  anyio:\n    tokens: 2\n");
        RunResult limited = Simulation.run(new ScenarioLoader(Defaults.withProfile(profile))
                .load("s.yaml", FIVE_DEF_CALLS, List.of()).first());
        RunResult free = Simulation.run(new ScenarioLoader().load("s.yaml", FIVE_DEF_CALLS, List.of()).first());

        assertEquals(2, anyioThreads(limited));
        assertEquals(5, anyioThreads(free));
        double slowest = limited.summary().app().endpoints().get(0).latency().maxMs();
        assertTrue(slowest >= 300 && slowest < 330, "2 tokens, five calls: " + slowest);
    }

    private static long anyioThreads(RunResult r) {
        return r.metrics().threads().stream().map(t -> t.thread().name()).filter(t -> t.startsWith("anyio")).count();
    }
}
