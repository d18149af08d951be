package dev.gilsim.executor;

import static dev.gilsim.executor.PoolWorld.io;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gilsim.executor.PoolWorld.Done;
import dev.gilsim.interpreter.Completion;
import dev.gilsim.kernel.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/** E1: ThreadPoolExecutor. */
class ThreadPoolTest {

    /** A pool that declares no max_workers takes the size its context was given, not one of its own. */
    @Test
    void poolWithoutMaxWorkersTakesTheContextsDefault() {
        ThreadPool pool = (ThreadPool) new PoolWorld(2, new PoolDefaults(7, 2))
                .pool(new ExecutorSpec.ThreadPool("p", null, false, Distribution.constant(0)));
        assertEquals(7, pool.maxWorkers());
    }

    /**
     * E1, max_workers=2, thread start free, exact GIL. At 1 ms caller-0 submits three 10 ms
     * blocking calls. Nobody is idle, so the first two submits start p_0 and p_1; the third waits
     * in the FIFO queue.
     * <pre>
     *  1   p_0 takes task 1 and blocks (GIL released); p_1 takes task 2 and blocks
     * 11   p_0 finishes task 1 and takes task 3 from the queue; p_1 finishes task 2, parks idle
     * 21   p_0 finishes task 3, parks idle
     * 30   caller-1 submits task 4: an idle worker exists, so no thread starts; the queue's lock
     *      wakes the longest-idle waiter, p_1 (idle since 11); it finishes at 31
     * </pre>
     * Threads never retire: both are still there, idle, at the end.
     */
    @Test
    void startsThreadsLazilyQueuesFifoAndReusesIdleWorkers() {
        PoolWorld w = new PoolWorld(2);
        ThreadPool pool = (ThreadPool) w.pool(new ExecutorSpec.ThreadPool("p", 2, false, Distribution.constant(0)));
        w.submitAt(millis(1), pool, io(millis(10)), io(millis(10)), io(millis(10)));
        w.submitAt(millis(30), pool, io(millis(1)));
        w.sim.runUntil(millis(100));

        assertEquals(List.of(new Done(millis(11), "p_0"), new Done(millis(11), "p_1"), new Done(millis(21), "p_0"),
                new Done(millis(31), "p_1")), w.done);
        assertEquals(List.of("p_0", "p_1"), w.started);
        assertEquals(2, pool.threadCount());
        pool.checkInvariants();
    }

    @Test
    void shutdownJoinsEveryThreadAndRefusesNewWork() {
        PoolWorld w = new PoolWorld(2);
        ThreadPool pool = (ThreadPool) w.pool(new ExecutorSpec.ThreadPool("p", 4, false, Distribution.constant(0)));
        w.submitAt(millis(1), pool, io(millis(10)), io(millis(20)));
        long[] joined = {-1};
        w.sim.at(millis(5), 0, () -> pool.shutdown(() -> joined[0] = w.sim.now()));
        w.sim.runUntil(millis(100));

        // Queued work still runs (cancel_futures=False); the join returns when the last thread exits.
        assertEquals(List.of(millis(11), millis(21)), w.doneTimes());
        assertEquals(millis(21), joined[0]);
        assertThrows(IllegalStateException.class, () -> pool.submit(io(1), Completion.NONE));
    }
}
