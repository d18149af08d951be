package dev.gilsim.asyncio;

import static dev.gilsim.Steps.inPool;
import static dev.gilsim.Steps.nativeReleasing;
import static dev.gilsim.asyncio.LoopWorld.threadPool;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilsim.asyncio.LoopWorld.Recorder.Mark;
import dev.gilsim.interpreter.Interpreter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** L3: run_in_executor, and the GIL hand-offs between the worker, the loop and a spinner. */
class RunInExecutorTest {

    /**
     * L3 with G9 twice. Exact GIL (FIFO, no latency, 5 ms interval). "spin" runs bytecode forever;
     * a request at 1 ms awaits a 1 ms GIL-releasing native call (hashlib) in a thread pool.
     * <pre>
     *  0   loop takes the GIL, finds nothing, parks in epoll (releases); spin takes the GIL
     *  1   the request's I/O event wakes the loop; spin holds the GIL: the loop waits (G2)
     *  6   the loop asks; spin drops; the loop runs the task: submit starts pool_0, then parks
     *  6   pool_0 (starting) takes the free GIL, releases it for its native call; spin takes it
     *  7   pool_0 returns and needs the GIL: a full interval (G9)
     * 12   pool_0 asks, spin drops, pool_0 takes it, completes the future: call_soon_threadsafe
     *      wakes the loop; pool_0 parks idle and releases, but spin, back from its handoff, takes
     *      the free GIL first; the loop waits again
     * 17   the loop asks, spin drops, the loop runs the future's callback, and one iteration later
     *      the task: it returns at 17, five milliseconds after its result was ready
     * </pre>
     */
    @Test
    void awaitingCoroutineResumesOnlyAfterTheLoopRetakesTheGil() {
        LoopWorld w = new LoopWorld(2);
        Interpreter p = w.process("app");
        EventLoop loop = w.loop(p, LoopWorld.freeLoop());
        w.spinner(p, "spin");
        List<Long> done = w.spawn(loop, millis(1), w.pools(p, threadPool("pool", 2)),
                inPool("pool", nativeReleasing(millis(1))));
        w.sim.runUntil(millis(30));

        assertEquals(List.of(new Mark(millis(12), "pool")), w.recorder.tasksCompleted);
        assertEquals(List.of(millis(17)), done);
        List<Mark> loopTakes = w.recorder.acquisitions.stream().filter(m -> m.who().equals("loop")).toList();
        assertEquals(List.of(new Mark(0, "loop"), new Mark(millis(6), "loop"), new Mark(millis(17), "loop")),
                loopTakes);
    }
}
