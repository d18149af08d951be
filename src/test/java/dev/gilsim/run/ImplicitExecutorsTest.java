package dev.gilsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.metrics.AppSummary;
import dev.gilsim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --set} on the executors a server has without declaring them changes how the run goes. */
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
}
