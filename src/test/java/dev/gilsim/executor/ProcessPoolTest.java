package dev.gilsim.executor;

import static dev.gilsim.executor.PoolWorld.cpu;
import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.kernel.Distribution;
import dev.gilsim.scenario.DefaultSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** E3: ProcessPoolExecutor. */
class ProcessPoolTest {

    /** Free transfers: only the start-up remains, 1 ms in the parent and 3 ms of child boot. */
    private static final ProcessPoolCosts START_1_3 = new ProcessPoolCosts(zero(), zero(), zero(), zero(), zero(),
            zero(), zero(), Distribution.constant(millis(1)), Distribution.constant(millis(3)), zero());

    /**
     * E3, fork, max_workers=1, free transfers, 1 ms of fork in the parent and 3 ms of child boot.
     * <pre>
     *  1   caller-0 submits: it forks the worker, holding app's GIL, until 2
     *  2   the child boots on its own core and GIL until 5; the manager thread starts, parks
     *  5   the child is ready; the manager sends the task; the child computes 10 ms
     * 15   the result goes back through the manager: the future completes at 15
     * 20   a second task on the warm pool: no start-up, done at 30
     * </pre>
     */
    @Test
    void warmPoolPaysStartUpOnce() {
        PoolWorld w = new PoolWorld(2);
        Executor pool = w.pool(new ExecutorSpec.ProcessPool("pp", 1, StartMethod.FORK, false, START_1_3));
        w.submitAt(millis(1), pool, cpu(millis(10)));
        w.submitAt(millis(20), pool, cpu(millis(10)));
        w.sim.runUntil(millis(100));

        assertEquals(List.of(millis(15), millis(30)), w.doneTimes());
        assertEquals(List.of("app:pp-0"), w.started);
        pool.checkInvariants();
    }

    /**
     * E3, {@code with ProcessPoolExecutor() as pool:} per call: the second call, at 20, pays the
     * 4 ms start-up again (done at 34, not 30), and each pool's shutdown joins its child.
     */
    @Test
    void poolCreatedPerCallPaysStartUpEachTime() {
        PoolWorld w = new PoolWorld(2);
        ExecutorSpec.ProcessPool spec = new ExecutorSpec.ProcessPool("pp", 1, StartMethod.FORK, true, START_1_3);
        ExecutorContext ctx = w.context();
        Executor first = ctx.create(spec, "pp@0");
        Executor second = ctx.create(spec, "pp@1");
        w.submitAt(millis(1), first, cpu(millis(10)));
        w.submitAt(millis(20), second, cpu(millis(10)));
        long[] joined = {-1, -1};
        w.sim.at(millis(16), 0, () -> first.shutdown(() -> joined[0] = w.sim.now()));
        w.sim.at(millis(35), 0, () -> second.shutdown(() -> joined[1] = w.sim.now()));
        w.sim.runUntil(millis(100));

        assertEquals(List.of(millis(15), millis(34)), w.doneTimes());
        assertEquals(List.of("app:pp@0-0", "app:pp@1-0"), w.started);
        assertEquals(millis(16), joined[0]);
        assertEquals(millis(35), joined[1]);
    }

    /**
     * E3 with defaults.yaml's costs: a fresh pool's first small task takes the start method's start-up
     * (fork 4 ms, forkserver 40 ms, spawn 95 ms) plus about 0.1 ms; the next one about 0.1 ms.
     */
    @Test
    void startMethodsCostTheirStartUpAndAWarmTaskAboutATenthOfAMillisecond() {
        long[] expected = {millis(4), millis(40), millis(95)};
        StartMethod[] methods = {StartMethod.FORK, StartMethod.FORKSERVER, StartMethod.SPAWN};
        for (int i = 0; i < methods.length; i++) {
            PoolWorld w = new PoolWorld(2);
            Executor pool = w.pool(DefaultSpecs.processPool("pp", 1, methods[i], false));
            w.submitAt(0, pool, cpu(0));
            w.submitAt(millis(200), pool, cpu(0));
            w.sim.runUntil(millis(300));

            long cold = w.doneTimes().get(0);
            long warm = w.doneTimes().get(1) - millis(200);
            assertTrue(cold >= expected[i] && cold <= expected[i] + micros(200), methods[i] + " cold " + cold);
            assertTrue(warm >= micros(50) && warm <= micros(150), methods[i] + " warm " + warm);
        }
    }

    private static Distribution zero() {
        return Distribution.constant(0);
    }
}
