package dev.gilsim.asyncio;

import static dev.gilsim.Steps.inPool;
import static dev.gilsim.Steps.nativeHolding;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.executor.ExecutorSpec;
import dev.gilsim.executor.StartMethod;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.scenario.DefaultSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seeds' experiment (model.md section 8): {@code pow(365, 10**14)}, 300 ms holding the GIL,
 * awaited from the loop in a thread pool and in a process pool, on 2 cores, default loop, 10 ms
 * probe. Requests at 10 ms, 500 ms and 1 s.
 */
class PowInPoolTest {

    private static LoopWorld run(ExecutorSpec pool) {
        LoopWorld w = new LoopWorld(2);
        Interpreter p = w.process("app");
        EventLoop loop = w.loop(p, DefaultSpecs.loop());
        ExecutorLookup pools = w.pools(p, pool);
        for (long at : new long[] {millis(10), millis(500), millis(1000)}) {
            w.spawn(loop, at, pools, inPool(pool.name(), nativeHolding(millis(300))));
        }
        w.sim.runUntil(millis(1500));
        return w;
    }

    /**
     * In a thread the call holds the process's GIL for 300 ms: the probe, due during the call, can
     * run only after it, so the worst sample is late by the part of the call after its due time:
     * at least 300 ms minus one probe period. (No single call can delay a probe due after it began
     * by more than its own length, plus the GIL waits around it.)
     */
    @Test
    void threadPoolPowStallsTheLoopForTheWholeCall() {
        LoopWorld w = run(DefaultSpecs.threadPool("pool", null, false));
        assertTrue(w.recorder.maxLag() >= millis(290), "max lag " + w.recorder.maxLag());
        assertEquals(3, w.recorder.tasksCompleted.size());
    }

    /** In a child process (its own GIL, the second core) the loop barely notices: p99 under 2 ms. */
    @Test
    void processPoolPowLeavesTheLoopResponsive() {
        LoopWorld w = run(DefaultSpecs.processPool("pool", 1, StartMethod.FORK, false));
        List<Long> sorted = w.recorder.lags.stream().sorted().toList();
        long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
        assertTrue(sorted.size() > 100, "samples " + sorted.size());
        assertTrue(p99 < millis(2), "p99 lag " + p99);
        assertEquals(3, w.recorder.tasksCompleted.size());
    }
}
